import { deleteJob } from '../../domain/delete-job';
import { updateJob } from '../../domain/update-job';
import { UpdateJobBodySchema } from '../../schemas/update-job.schema';
import { customerOp } from '../pipeline';
import { jobAddress, versionHeaders } from './job-operations';

/** Update Job Properties (SPEC A.7): 200, no body, the job's new version in the headers. */
export const updateJobOperation = customerOp({
  body: UpdateJobBodySchema,
  conditional: true,
  async run(req) {
    const written = await updateJob(req.rt.jobs, {
      ...jobAddress(req),
      ...(req.body.Name !== undefined && { name: req.body.Name }),
      patch: req.body.Properties,
      conditions: req.conditions,
    });
    return { status: 200, headers: versionHeaders(req, written) };
  },
});

/** Delete Job (SPEC A.9): 200, no body. */
export const deleteJobOperation = customerOp({
  conditional: true,
  async run(req) {
    await deleteJob(req.rt.jobs, { ...jobAddress(req), conditions: req.conditions });
    return { status: 200 };
  },
});
