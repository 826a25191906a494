import { deleteJob } from '../../shared/import-export/customer/delete-job';
import type { Placement } from '../../shared/import-export/customer/job-spec';
import { placeJob } from '../../shared/import-export/customer/place-job';
import { removePlacedJob, requirePlacedJob } from '../../shared/import-export/customer/placed-jobs';
import { reviseJob } from '../../shared/import-export/customer/revise-job';
import type { JobDeps } from '../../shared/import-export/model/ports';
import { NO_CONDITIONS, type Conditions } from '../../shared/kernel/conditions';
import { specOf } from '../../shared/surfaces/arm-import-export/arm-job-input';
import { armImportBody } from '../support/arm';
import { newSubscription, testRuntime } from '../support/runtime';
import { gate, holdingFirstWrite, slotCount, type Gate } from '../support/races';

/**
 * Resource Manager's job operations (docs/arm-import-export.md#c3, #c5, #c6) racing each other and
 * the classic surface on the real tables: a request held between its read and its write while
 * another goes through, then released. A refused request changes nothing, no change is lost, the
 * quota counts exactly, and a DELETE addressed to one resource group never removes a job of
 * another. Two runtimes on one STORAGE_PREFIX stand for two instances.
 */
const rt = testRuntime({ ACTIVE_JOB_LIMIT: '1' });
const other = testRuntime({ STORAGE_PREFIX: rt.config.storagePrefix, ACTIVE_JOB_LIMIT: '1' });
const GROUP = 'rgOne';
const author = { name: 'someone@example.com', type: 'User' as const };
const classicGroup = rt.config.arm.classicResourceGroup;

/** The instance's job deps, their store's first `write` held at the gate until released. */
const holding = (deps: JobDeps, g: Gate): JobDeps => ({ ...deps, store: holdingFirstWrite(deps.store, g) });

const placement = (sub: string, name: string, group = GROUP): Placement => ({
  subscriptionId: sub,
  resourceGroup: group,
  jobName: name,
});

const put = (deps: JobDeps, at: Placement, conditions: Conditions = NO_CONDITIONS) =>
  placeJob(deps, {
    at,
    spec: specOf(armImportBody(at.subscriptionId) as never),
    author,
    classicGroup,
    conditions,
  });

const settled = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (err: Error & { code?: string }) => ({ ok: false as const, code: err.code ?? err.message }),
  );

const slots = (sub: string) => slotCount(rt, sub);

describe('DELETE racing another write of the same name', () => {
  it('two DELETEs of one job at once: both answer 200 (an absent job is 200), the job is gone', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Twice');
    await put(rt.jobs, at);
    const g = gate();
    const first = settled(removePlacedJob(holding(rt.jobs, g), at, classicGroup, NO_CONDITIONS));
    await g.reached; // the first DELETE read the job
    await removePlacedJob(other.jobs, at, classicGroup, NO_CONDITIONS);
    g.release();
    expect(await first).toEqual({ ok: true, value: undefined });
    expect(await rt.jobs.store.get(sub, 'Twice')).toBeUndefined();
    expect(await slots(sub)).toBe(0);
  });

  it('two DELETEs with the ETag they read: one removes the job, the other is 412 (no version left to match)', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Matched');
    const { job } = await put(rt.jobs, at);
    const ifMatch: Conditions = { kind: 'ifMatch', etags: [job.etag] };
    const g = gate();
    const first = settled(removePlacedJob(holding(rt.jobs, g), at, classicGroup, ifMatch));
    await g.reached; // the first DELETE read the job
    await removePlacedJob(other.jobs, at, classicGroup, ifMatch);
    g.release();
    expect(await first).toEqual({ ok: false, code: 'ConditionNotMet' });
    expect(await rt.jobs.store.get(sub, 'Matched')).toBeUndefined();
    expect(await slots(sub)).toBe(0);
  });

  it('a DELETE addressed to one group never removes the job of that name re-created in another group meanwhile', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Moved');
    await put(rt.jobs, at);
    const g = gate();
    const deleting = settled(removePlacedJob(holding(rt.jobs, g), at, classicGroup, NO_CONDITIONS));
    await g.reached; // the DELETE read the job in rgOne
    await removePlacedJob(other.jobs, at, classicGroup, NO_CONDITIONS);
    const elsewhere = await put(other.jobs, placement(sub, 'Moved', 'rgTwo'));
    g.release();
    expect(await deleting).toEqual({ ok: true, value: undefined });
    const kept = await rt.jobs.store.get(sub, 'Moved');
    expect([kept?.etag, kept?.value.ResourceGroup]).toEqual([elsewhere.job.etag, 'rgTwo']);
    expect(await slots(sub)).toBe(1);
  });

  it("a DELETE whose job a classic Delete removed first is 200 on ARM, classic's own Delete of an absent job 404", async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Faces');
    const { job } = await put(rt.jobs, at);
    const g = gate();
    const arm = settled(removePlacedJob(holding(rt.jobs, g), at, classicGroup, NO_CONDITIONS));
    await g.reached;
    const address = {
      subscriptionId: sub,
      storageAccountName: job.value.StorageAccountName,
      jobName: 'Faces',
      conditions: NO_CONDITIONS,
    };
    await deleteJob(other.jobs, address);
    g.release();
    expect(await arm).toEqual({ ok: true, value: undefined });
    expect(await settled(deleteJob(other.jobs, address))).toEqual({ ok: false, code: 'ResourceNotFound' });
  });
});

describe('PUT and PATCH racing', () => {
  it('two instances PUT one new name at once with a quota of one: both succeed, one job, one slot', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Same');
    const g = gate();
    const first = settled(put(holding(rt.jobs, g), at));
    await g.reached;
    const second = await put(other.jobs, at);
    g.release();
    const firstDone = await first;
    expect([second.created, firstDone.ok && firstDone.value.created]).toEqual([true, false]);
    expect((await rt.jobs.store.get(sub, 'Same'))?.etag).toBe(firstDone.ok && firstDone.value.job.etag);
    expect(await slots(sub)).toBe(1);
  });

  it('two PUTs of one new name with If-None-Match: * at once: one creates, the other is refused 412 and changes nothing', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Once');
    const none: Conditions = { kind: 'ifNoneMatch', etags: '*' };
    const g = gate();
    const first = settled(put(holding(rt.jobs, g), at, none));
    await g.reached;
    const second = await put(other.jobs, at, none);
    g.release();
    expect(await first).toEqual({ ok: false, code: 'ConditionNotMet' });
    expect((await rt.jobs.store.get(sub, 'Once'))?.etag).toBe(second.job.etag);
    expect(await slots(sub)).toBe(1);
  });

  it('two PATCHes with the ETag they read: one wins, the other is 412 and its change is not applied', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Tagged');
    const { job } = await put(rt.jobs, at);
    const ifMatch: Conditions = { kind: 'ifMatch', etags: [job.etag] };
    const patch = (deps: JobDeps, tags: Record<string, string>) =>
      reviseJob(deps, { at, revision: { tags }, author, classicGroup, conditions: ifMatch });
    const g = gate();
    const first = settled(patch(holding(rt.jobs, g), { by: 'first' }));
    await g.reached;
    const second = await patch(other.jobs, { by: 'second' });
    g.release();
    expect(await first).toEqual({ ok: false, code: 'ConditionNotMet' });
    const now = await requirePlacedJob(rt.jobs, at, classicGroup, NO_CONDITIONS);
    expect([now.etag, now.value.Tags]).toEqual([second.etag, { by: 'second' }]);
  });

  it('two PATCHes without conditions: both land, neither undoes the other', async () => {
    const sub = newSubscription();
    const at = placement(sub, 'Both');
    await put(rt.jobs, at);
    const patch = (deps: JobDeps, verboseLog: boolean | undefined, backupDriveManifest?: boolean) =>
      reviseJob(deps, {
        at,
        revision: {
          ...(verboseLog !== undefined && { verboseLog }),
          ...(backupDriveManifest !== undefined && { backupDriveManifest }),
        },
        author,
        classicGroup,
        conditions: NO_CONDITIONS,
      });
    const g = gate();
    const first = settled(patch(holding(rt.jobs, g), false));
    await g.reached;
    await patch(other.jobs, undefined, false);
    g.release();
    expect((await first).ok).toBe(true);
    const now = (await rt.jobs.store.get(sub, 'Both'))!.value;
    expect([now.EnableVerboseLog, now.BackupDriveManifest]).toEqual([false, false]);
  });
});
