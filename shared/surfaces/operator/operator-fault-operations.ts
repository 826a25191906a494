import { advance } from '../../import-export/datacenter/advance';
import { fault, resolve } from '../../import-export/datacenter/faults';
import { FaultBodySchema, ResolveBodySchema } from './wire/operator.schema';
import { operatorOp } from './pipeline';
import { jobAt, OPERATOR_JOB_ANSWER, operatorJobReply } from './operator-job-operations';

/** POST .../fault (docs/contract/import-export.md#b, #c1). */
export const faultOperation = operatorOp({
  summary: 'Fault a job or a drive',
  description: 'The job (or drive) remembers where it was, for resolve (docs/contract/import-export.md#c1).',
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: FaultBodySchema,
  async run(req) {
    return operatorJobReply(await fault(req.rt.jobs, jobAt(req), req.body));
  },
});

/** POST .../resolve. */
export const resolveOperation = operatorOp({
  summary: 'Resolve a fault',
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: ResolveBodySchema,
  async run(req) {
    return operatorJobReply(await resolve(req.rt.jobs, jobAt(req), req.body));
  },
});

/** POST .../advance: the sandbox's one step on (docs/contract/import-export.md#b). */
export const advanceOperation = operatorOp({
  summary: 'Sandbox: one step on',
  description:
    'Moves the job one natural step with synthetic, well-formed data (clean logs, manifest backups when enabled), so clients can be tested end to end (docs/contract/import-export.md#b).',
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState', 'StorageReadFailed', 'StorageWriteFailed'],
  async run(req) {
    return operatorJobReply(await advance(req.rt.datacenter, jobAt(req)));
  },
});
