import { classicPutCommand } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { jobsNeedingAttention } from '../../shared/import-export/datacenter/attention';
import { fault } from '../../shared/import-export/datacenter/faults';
import { putJob } from '../../shared/import-export/customer/put-job';
import { CUSTOMER1 } from '../support/customer-blobs';
import { importDefinition, shippedJob, uniqueName } from '../support/datacenter';
import { newSubscription, testRuntime } from '../support/runtime';

/** Each test file has its own tables, so this worklist holds only the jobs made here. */
const rt = testRuntime();
const deps = rt.datacenter;

async function created(sub: string, name: string) {
  await putJob(
    rt.jobs,
    classicPutCommand({
      subscriptionId: sub,
      storageAccountName: CUSTOMER1.name,
      jobName: name,
      version: '2014-11-01',
      definition: importDefinition(['A1']),
      conditions: { kind: 'none' },
    }),
  );
}

describe('the operators’ worklist across subscriptions (docs/contract/import-export.md#b, GET /operator/jobs)', () => {
  const [subA, subB] = [newSubscription(), newSubscription()];
  beforeAll(async () => {
    await created(subA, 'Creating1');
    await shippedJob(rt, subA, 'Shipping1', CUSTOMER1.name, importDefinition(['A1']));
    await shippedJob(rt, subB, 'Shipping2', CUSTOMER1.name, importDefinition(['A1']));
    await shippedJob(rt, subB, 'Faulty', CUSTOMER1.name, importDefinition(['A1']));
    await fault(rt.jobs, { subscriptionId: subB, jobName: 'Faulty' }, { Reason: 'label unreadable' });
    // A job Closed by the sweeper with its overdue alert, as issue 5's sweeper records it.
    await created(subB, 'Overdue');
    const current = (await rt.jobs.store.get(subB, 'Overdue'))!;
    await rt.jobs.store.write({
      kind: 'update',
      previous: current,
      job: {
        ...current.value,
        State: 'Closed',
        Alerts: [
          { Kind: 'ShippingOverdue', Time: '2024-01-15T00:00:00.000Z', Message: 'No package after 14 days.' },
        ],
      },
      activeJobLimit: 20,
    });
  });

  it('lists jobs awaiting the datacenter, faulted jobs and jobs with alerts, across subscriptions', async () => {
    const page = await jobsNeedingAttention(deps, { limit: 1000 });
    const seen = page.jobs.map((j) => `${j.SubscriptionId === subA ? 'A' : 'B'}:${j.Name}:${j.State}`).sort();
    expect(seen).toEqual([
      'A:Shipping1:Shipping',
      'B:Faulty:Faulted',
      'B:Overdue:Closed',
      'B:Shipping2:Shipping',
    ]);
    expect(page.jobs.find((j) => j.Name === 'Overdue')!.Alerts).toEqual([
      { Kind: 'ShippingOverdue', Time: '2024-01-15T00:00:00.000Z', Message: 'No package after 14 days.' },
    ]);
    expect(page.jobs.find((j) => j.Name === 'Faulty')).toMatchObject({
      FaultedFrom: 'Shipping',
      FaultReason: 'label unreadable',
    });
  });

  it('filters by state, and pages with a cursor', async () => {
    const faulted = await jobsNeedingAttention(deps, { states: ['Faulted'], limit: 10 });
    expect(faulted.jobs.map((j) => j.Name)).toEqual(['Faulty']);
    const creating = await jobsNeedingAttention(deps, { states: ['Creating'], limit: 10 });
    expect(creating.jobs.map((j) => j.Name)).toEqual(['Creating1']);
    const first = await jobsNeedingAttention(deps, { limit: 2 });
    expect(first.jobs).toHaveLength(2);
    const rest = await jobsNeedingAttention(deps, { limit: 2, after: first.cursor! });
    expect(rest.cursor).toBeUndefined();
    expect([...first.jobs, ...rest.jobs].map((j) => j.Name).sort()).toEqual([
      'Faulty',
      'Overdue',
      'Shipping1',
      'Shipping2',
    ]);
  });

  it('drops the overdue alert when the package finally arrives', async () => {
    const name = uniqueName('Late');
    await shippedJob(rt, subA, name, CUSTOMER1.name, importDefinition(['A1']));
    const current = (await rt.jobs.store.get(subA, name))!;
    await rt.jobs.store.write({
      kind: 'update',
      previous: current,
      job: {
        ...current.value,
        Alerts: [{ Kind: 'ShippingOverdue', Time: '2024-01-15T00:00:00.000Z', Message: 'late' }],
      },
      activeJobLimit: 20,
    });
    const { receivePackage } = await import('../../shared/import-export/datacenter/receive');
    const received = await receivePackage(
      deps,
      { subscriptionId: subA, jobName: name },
      { Drives: [{ DriveId: 'A1' }] },
    );
    expect(received.value).not.toHaveProperty('Alerts');
  });
});
