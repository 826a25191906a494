import { advance } from '../../import-export/datacenter/advance';
import { fault, resolve } from '../../import-export/datacenter/faults';
import { FaultBodySchema, ResolveBodySchema } from './wire/operator.schema';
import { jobActionOp, STORAGE_ACTION_ERRORS } from './operator-job-operations';

/** POST .../fault (docs/contract/import-export.md#b, #c1). */
export const faultOperation = jobActionOp({
  summary: 'Fault a job or a drive',
  description: 'The job (or drive) remembers where it was, for resolve (docs/contract/import-export.md#c1).',
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: FaultBodySchema,
  act: (req, at) => fault(req.rt.jobs, at, req.body),
});

/** POST .../resolve. */
export const resolveOperation = jobActionOp({
  summary: 'Resolve a fault',
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: ResolveBodySchema,
  act: (req, at) => resolve(req.rt.jobs, at, req.body),
});

/** POST .../advance: the sandbox's one step on (docs/contract/import-export.md#b). */
export const advanceOperation = jobActionOp({
  summary: 'Sandbox: one step on',
  description:
    'Moves the job one natural step with synthetic, well-formed data (clean logs, manifest backups when enabled), so clients can be tested end to end (docs/contract/import-export.md#b).',
  errors: STORAGE_ACTION_ERRORS,
  act: (req, at) => advance(req.rt.datacenter, at),
});
