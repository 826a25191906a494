import { deleteJob } from '../../import-export/customer/delete-job';
import { updateJob } from '../../import-export/customer/update-job';
import { UpdateJobBodySchema } from './wire/update-job.schema';
import { customerOp } from './pipeline';
import { jobAddress, versionHeaders } from './job-operations';

/** Update Job Properties (docs/contract/import-export.md#a7): 200, no body, the job's new version in the headers. */
export const updateJobOperation = customerOp({
  summary: 'Update Job Properties',
  description:
    "Changes some of a job's properties (docs/contract/import-export.md#a7), each only in the states that allow it; the request is all or nothing. `State: Shipping` needs ReturnAddress and DeliveryPackage; a tracking number is held by one active job of the subscription at a time.",
  success: { status: 200, headers: ['ETag', 'Last-Modified', 'DataServiceId'] },
  errors: [
    'JobNameMismatch',
    'InvalidStateValue',
    'InvalidCancelRequestedValue',
    'ShippingInformationIncomplete',
    'ResourceNotFound',
    'InvalidJobState',
  ],
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

/** Delete Job (docs/contract/import-export.md#a9): 200, no body. */
export const deleteJobOperation = customerOp({
  summary: 'Delete Job',
  description:
    'Deletes a job that is Creating, Completed or Closed (docs/contract/import-export.md#a9); the name is free again, and a Creating job frees its quota slot.',
  success: { status: 200 },
  errors: ['ResourceNotFound', 'InvalidJobState'],
  conditional: true,
  async run(req) {
    await deleteJob(req.rt.jobs, { ...jobAddress(req), conditions: req.conditions });
    return { status: 200 };
  },
});
