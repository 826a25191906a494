import type { ActionDefinition, Authentication, CollectionRef, Job, PendingAttempt } from '../model';
import type { HttpActionPort, OutboundAuth, QueueActionPort } from './action-ports';
import { httpMessage, queueMessage, succeeded } from './history-messages';
import { outboundHeaders, outboundIdentity } from './outbound-headers';
import type { AttemptResult } from './outcome-rules';
import { queueEnvelope } from './queue-envelope';

export interface ActionPorts {
  http: HttpActionPort;
  queue: QueueActionPort;
}

const authOf = (auth: Authentication | undefined): OutboundAuth | undefined => {
  if (!auth) return undefined;
  if (auth.type === 'ClientCertificate') return { type: auth.type, pfx: auth.pfx, password: auth.password };
  return auth;
};

/** The action an attempt makes: the main action, or the error action (docs/classic-scheduler.md#d6). */
const actionOf = (job: Job, attempt: PendingAttempt): ActionDefinition | undefined =>
  attempt.actionName === 'MainAction' ? job.action : job.action.errorAction;

/**
 * Makes one attempt (docs/classic-scheduler.md#d4, #d5) with the outbound identity of #e3 and
 * returns what the history records. The clock is read around the call: the attempt's start and end.
 */
export async function runAttempt(
  ports: ActionPorts,
  where: { ref: CollectionRef; region: string },
  job: Job,
  attempt: PendingAttempt,
  now: () => Date,
): Promise<AttemptResult> {
  const startedAt = now();
  const identity = outboundIdentity(
    {
      incarnation: job.incarnation,
      scheduled: new Date(attempt.scheduled),
      actionName: attempt.actionName,
      retryCount: attempt.retryCount,
    },
    { jobId: job.id, jobCollectionId: where.ref.jobCollection, region: where.region },
  );
  const action = actionOf(job, attempt);
  let success = false;
  let message: string;
  if (action?.kind === 'storageQueue' && action.queueMessage) {
    const q = action.queueMessage;
    const outcome = await ports.queue.send({
      account: q.storageAccount,
      queueName: q.queueName,
      sasToken: q.sasToken,
      envelope: queueEnvelope(identity, q.message),
    });
    success = succeeded(outcome);
    message = queueMessage(outcome);
  } else if (action?.request) {
    const r = action.request;
    const auth = authOf(r.authentication);
    const outcome = await ports.http.send({
      uri: r.uri,
      method: r.method,
      headers: outboundHeaders(r.headers, identity),
      ...(r.body !== undefined && { body: r.body }),
      ...(auth && { auth }),
    });
    success = succeeded(outcome);
    message = httpMessage(outcome);
  } else {
    message = `${attempt.actionName} - the job has no such action any more`;
  }
  return { success, message, startedAt, endedAt: now() };
}
