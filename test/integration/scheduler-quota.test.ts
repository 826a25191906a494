import type { SchedulerError } from '../../shared/scheduler/errors';
import { deleteJob, listJobs, putJob } from '../../shared/scheduler/jobs-service';
import type { JobDefinition } from '../../shared/scheduler/model';
import { newSubscription, testRuntime } from '../support/runtime';
import { sampleCollection } from '../support/scheduler-values';

const definition: JobDefinition = {
  action: { type: 'http', kind: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
  recurrence: { frequency: 'hour', interval: 1 },
  state: 'enabled',
};

describe('MaxJobCount under concurrency (docs/classic-scheduler.md#c8)', () => {
  it('50 concurrent creates into a collection whose MaxJobCount is 10 give exactly 10 jobs', async () => {
    const rt = testRuntime();
    const d = rt.scheduler;
    const sub = newSubscription();
    const ref = await sampleCollection(d, sub, 'jc-race', { maxJobCount: 10 });
    const collection = (await d.collections.get(sub, ref.cloudService, ref.jobCollection))!;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => putJob(d, ref, collection, `job${i}`, definition)),
    );
    const created = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(created).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect((r.reason as SchedulerError).code).toBe('QuotaExceeded');
    expect(await listJobs(d, ref)).toHaveLength(10);
    expect((await d.collections.get(sub, ref.cloudService, ref.jobCollection))!.jobCount).toBe(10);
  });

  it('a delete frees a slot; a replace needs none', async () => {
    const rt = testRuntime();
    const d = rt.scheduler;
    const sub = newSubscription();
    const ref = await sampleCollection(d, sub, 'jc-slots', { maxJobCount: 2 });
    const collection = (await d.collections.get(sub, ref.cloudService, ref.jobCollection))!;
    await putJob(d, ref, collection, 'a', definition);
    await putJob(d, ref, collection, 'b', definition);
    expect((await putJob(d, ref, collection, 'A', definition)).created).toBe(false);
    await expect(putJob(d, ref, collection, 'c', definition)).rejects.toMatchObject({
      code: 'QuotaExceeded',
    });
    await deleteJob(d, ref, 'a');
    expect((await putJob(d, ref, collection, 'c', definition)).created).toBe(true);
    expect((await d.collections.get(sub, ref.cloudService, ref.jobCollection))!.jobCount).toBe(2);
  });

  it('concurrent creates and deletes leave the counter equal to the jobs held', async () => {
    const rt = testRuntime();
    const d = rt.scheduler;
    const sub = newSubscription();
    const ref = await sampleCollection(d, sub, 'jc-churn', { maxJobCount: 50 });
    const collection = (await d.collections.get(sub, ref.cloudService, ref.jobCollection))!;
    for (let i = 0; i < 10; i++) await putJob(d, ref, collection, `old${i}`, definition);
    await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => deleteJob(d, ref, `old${i}`)),
      ...Array.from({ length: 15 }, (_, i) => putJob(d, ref, collection, `new${i}`, definition)),
    ]);
    const held = await listJobs(d, ref);
    expect(held).toHaveLength(15);
    expect((await d.collections.get(sub, ref.cloudService, ref.jobCollection))!.jobCount).toBe(15);
  });
});
