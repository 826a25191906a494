import { blobNames, CUSTOMER1, downloadXml } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { startService, type TestService } from '../support/service';

/**
 * Issue 15, item 1: concurrent `complete` calls of one drive. Ten at once per drive, with two
 * different reports, over real HTTP: the log the job points to always agrees with the CopyStatus
 * it records, and every log blob in the customer's storage is one a drive points to.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '100' });
});
afterAll(() => svc.stop());

const { opPath, operator, putImport, customerMarksShipping, getJob } = lifecycle(() => svc);
const DRIVES = ['C1', 'C2', 'C3'];

async function transferringJob(states: string): Promise<string> {
  const name = uniqueName('Cc');
  await putImport(CUSTOMER1.name, CUSTOMER1.key, name, DRIVES, {
    ImportExportStatesPath: states,
    EnableVerboseLog: true,
  });
  await customerMarksShipping(CUSTOMER1.name, name);
  await operator('POST', opPath(name, '/receive'), { Drives: DRIVES.map((DriveId) => ({ DriveId })) });
  for (const d of DRIVES) await operator('POST', opPath(name, `/drives/${d}/start`));
  return name;
}

const completed = (d: string) => ({ CopyStatus: 'Completed', Manifest: manifestFor(d).xml });
const failed = (d: string) => ({ CopyStatus: 'DiskOperationFailed', Manifest: manifestFor(d).xml });

describe('concurrent completions of one drive (issue 15, item 1)', () => {
  it('with two different reports: the log a drive points to is the log of the status it records', async () => {
    const states = uniqueName('ccstates');
    const name = await transferringJob(states);
    const answers = await Promise.all(
      DRIVES.flatMap((d) =>
        Array.from({ length: 10 }, (_, i) =>
          svc.operator('POST', opPath(name, `/drives/${d}/complete`), (i % 2 ? failed : completed)(d)),
        ),
      ),
    );
    for (const a of answers) if (a.status !== 200 && a.status !== 409) throw new Error(await a.text());
    const job = await getJob(CUSTOMER1.name, name);
    for (const drive of job.DriveList) {
      expect(['Completed', 'DiskOperationFailed']).toContain(drive.CopyStatus);
      const log = await downloadXml(drive.ErrorLogUri);
      expect(log.DriveLog.Status).toBe(drive.CopyStatus);
      expect((await downloadXml(drive.VerboseLogUri)).DriveLog.Status).toBe(drive.CopyStatus);
    }
    const referenced = job.DriveList.flatMap((d: any) => [d.ErrorLogUri, d.VerboseLogUri]).map((u: string) =>
      decodeURIComponent(u.slice(u.indexOf(`/${states}/`) + states.length + 2)),
    );
    expect((await blobNames(CUSTOMER1.name, states)).sort()).toEqual(referenced.sort());
  });

  it('ten identical completions write each log once: no blob that no drive points to', async () => {
    const states = uniqueName('ccsame');
    const name = await transferringJob(states);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        svc.operator('POST', opPath(name, '/drives/C1/complete'), completed('C1')),
      ),
    );
    for (const a of answers) expect(a.status).toBe(200);
    const job = await getJob(CUSTOMER1.name, name);
    const c1 = job.DriveList.find((d: any) => d.DriveId === 'C1');
    expect(c1.State).toBe('Completed');
    expect(await blobNames(CUSTOMER1.name, states)).toHaveLength(2);
  });
});
