import { advance } from '../../domain/advance';
import { fault, resolve } from '../../domain/faults';
import { FaultBodySchema, ResolveBodySchema } from '../../schemas/operator.schema';
import { operatorOp } from '../pipeline';
import { jobAt, operatorJobReply } from './operator-job-operations';

/** POST .../fault (SPEC B, C.1). */
export const faultOperation = operatorOp({
  body: FaultBodySchema,
  async run(req) {
    return operatorJobReply(await fault(req.rt.jobs, jobAt(req), req.body));
  },
});

/** POST .../resolve. */
export const resolveOperation = operatorOp({
  body: ResolveBodySchema,
  async run(req) {
    return operatorJobReply(await resolve(req.rt.jobs, jobAt(req), req.body));
  },
});

/** POST .../advance: the sandbox's one step on (SPEC B). */
export const advanceOperation = operatorOp({
  async run(req) {
    return operatorJobReply(await advance(req.rt.datacenter, jobAt(req)));
  },
});
