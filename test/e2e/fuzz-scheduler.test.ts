import { setRegistration } from '../../shared/scheduler/account-service';
import { putJob } from '../../shared/scheduler/jobs-service';
import type { JobDefinition } from '../../shared/scheduler/model';
import { fuzz, reportCodes } from '../support/fuzz/harness';
import { schedulerRejectionOf } from '../support/fuzz/scheduler-rejection';
import { schedulerRequest } from '../support/fuzz/scheduler-requests';
import { StoreSnapshot } from '../support/fuzz/store-snapshot';
import { sampleCollection } from '../support/scheduler-values';
import { startService, type TestService } from '../support/service';

/**
 * The bad-input fuzzer on the classic Scheduler (docs/classic-scheduler.md#a5, #a7): generated bad
 * requests, XML and JSON, each answered with a well-formed XML 4xx, none changing the store.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const definition: JobDefinition = {
  action: { type: 'http', kind: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
  recurrence: { frequency: 'hour', interval: 1 },
  state: 'enabled',
};

it('answers 400 bad Scheduler requests each with a well-formed XML 4xx, and the store stays the same', async () => {
  const d = svc.rt.scheduler;
  await setRegistration(d, svc.sub, true);
  const ref = await sampleCollection(d, svc.sub, 'full', { maxJobCount: 2 }, 'cs-f');
  const collection = (await d.collections.get(svc.sub, 'cs-f', 'full'))!;
  await putJob(d, ref, collection, 'held', definition);
  await putJob(d, ref, collection, 'done', definition);
  const read = (await d.jobs.read(ref, 'done'))!;
  await d.jobs.replace(ref, { ...read.job, state: 'completed' }, read.etag);
  await sampleCollection(d, svc.sub, 'free', { plan: 'Free' }, 'cs-f');
  const report = await fuzz(
    {
      origin: svc.url,
      defaults: { 'x-ms-version': '2013-03-01', 'x-arr-clientcert': svc.cert.derBase64 },
      snapshot: new StoreSnapshot(svc.rt),
    },
    schedulerRequest({ sub: svc.sub, staleEtag: '00000000-0000-0000-0000-000000000000' }),
    400,
    schedulerRejectionOf,
  );
  reportCodes('scheduler', report);
  expect(report.sent).toBeGreaterThanOrEqual(400);
  expect([...report.codes.keys()]).toEqual(
    expect.arrayContaining([
      'BadRequest',
      'ConflictError',
      'ForbiddenError',
      'InvalidHttpVerb',
      'InvalidXmlRequest',
      'MissingOrIncorrectVersionHeader',
      'MissingOrInvalidRequiredQueryParameter',
      'PreconditionFailed',
      'ResourceNotFound',
    ]),
  );
}, 300_000);
