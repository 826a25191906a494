import { CUSTOMER1, downloadXml } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { jobPath, patchJob, putJob } from '../support/http-jobs';
import { lifecycle } from '../support/lifecycle';
import { startService, type TestService } from '../support/service';

/**
 * docs/contract/import-export.md#d4 over real HTTP: every write is conditional on the version it read. Concurrent Updates
 * that each send the ETag they read (If-Match) win once per version and lose with 412; no
 * accepted change is lost; operator and customer writes racing on one job all land. (The quota
 * race of docs/contract/import-export.md#d3 is test/e2e/put-job.test.ts.)
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '100' });
});
afterAll(() => svc.stop());

const CLIENTS = 12;

async function read(name: string): Promise<{ etag: string; description: string }> {
  const res = await svc.call('GET', jobPath(name));
  expect(res.status).toBe(200);
  const job = (await res.json()) as any;
  return { etag: res.headers.get('etag')!, description: job.Properties.Description ?? '' };
}

/** Update Job Properties with If-Match: the Description as read, with `token` appended. */
async function append(name: string, seen: { etag: string; description: string }, token: string) {
  const res = await patchJob(
    svc,
    name,
    { Description: `${seen.description}${token};` },
    { headers: { 'if-match': seen.etag } },
  );
  return { status: res.status, etag: res.headers.get('etag') };
}

describe('concurrent Updates of one job, each with the ETag it read', () => {
  it(`of one version: exactly one of ${CLIENTS} wins, the others get 412, round after round`, async () => {
    const name = uniqueName('Race');
    await putJob(svc, name);
    const initial = (await read(name)).description;
    const winners: string[] = [];
    for (let round = 0; round < 5; round++) {
      const seen = await Promise.all(Array.from({ length: CLIENTS }, () => read(name)));
      expect(new Set(seen.map((s) => s.etag)).size).toBe(1);
      const results = await Promise.all(seen.map((s, i) => append(name, s, `r${round}c${i}`)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array<number>(CLIENTS - 1).fill(412)]);
      const won = results.findIndex((r) => r.status === 200);
      winners.push(`r${round}c${won}`);
      expect((await read(name)).etag).toBe(results[won]!.etag);
    }
    expect((await read(name)).description).toBe(`${initial}${winners.map((w) => `${w};`).join('')}`);
  });

  it('clients that re-read after a 412 lose no accepted change, and each version is won once', async () => {
    const name = uniqueName('Chain');
    await putJob(svc, name);
    const initial = (await read(name)).description;
    const accepted: { token: string; read: string; written: string }[] = [];
    let refused = 0;
    const client = async (c: number) => {
      for (let k = 0; k < 4;) {
        const seen = await read(name);
        const token = `c${c}.${k}`;
        const result = await append(name, seen, token);
        if (result.status === 412) refused++;
        else {
          expect(result.status).toBe(200);
          accepted.push({ token, read: seen.etag, written: result.etag! });
          k++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    expect(accepted).toHaveLength(32);
    expect(refused).toBeGreaterThan(0);
    // Each version read was the base of one accepted change only, and the versions form one chain.
    expect(new Set(accepted.map((a) => a.read)).size).toBe(accepted.length);
    const byRead = new Map(accepted.map((a) => [a.read, a]));
    const first = accepted.find((a) => !accepted.some((b) => b.written === a.read))!;
    const chain: string[] = [];
    for (let at: (typeof accepted)[number] | undefined = first; at; at = byRead.get(at.written))
      chain.push(at.token);
    expect(chain).toHaveLength(32);
    expect((await read(name)).description).toBe(`${initial}${chain.map((t) => `${t};`).join('')}`);
  });
});

describe('operator and customer writes racing on one job (docs/contract/import-export.md#b, #d4)', () => {
  const { opPath, operator, putImport, customerMarksShipping } = lifecycle(() => svc);

  it('10 concurrent completions of 10 drives all land, beside concurrent customer Updates', async () => {
    const name = uniqueName('Ten');
    const states = uniqueName('tenlogs');
    const ids = Array.from({ length: 10 }, (_, i) => `TEN-${i}`);
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ids, {
      ImportExportStatesPath: states,
      EnableVerboseLog: true,
    });
    await customerMarksShipping(CUSTOMER1.name, name);
    await operator('POST', opPath(name, '/receive'), { Drives: ids.map((DriveId) => ({ DriveId })) });
    await Promise.all(ids.map((id) => operator('POST', opPath(name, `/drives/${id}/start`))));
    const completions = ids.map((id) =>
      operator('POST', opPath(name, `/drives/${id}/complete`), {
        CopyStatus: 'Completed',
        Manifest: manifestFor(id).xml,
      }),
    );
    const updates = ['FriendlyName', 'Metadata', 'Description'].map((p) =>
      patchJob(svc, name, { [p]: `${p} during copy` }, { account: CUSTOMER1.name }),
    );
    await Promise.all(completions);
    expect((await Promise.all(updates)).map((r) => r.status)).toEqual([200, 200, 200]);

    const res = await svc.call('GET', jobPath(name, CUSTOMER1.name));
    const got = (await res.json()) as any;
    expect(got.Properties).toMatchObject({
      State: 'Packaging',
      PercentComplete: 100,
      FriendlyName: 'FriendlyName during copy',
      Metadata: 'Metadata during copy',
      Description: 'Description during copy',
    });
    expect(got.DriveList.map((d: any) => d.State)).toEqual(Array(10).fill('Completed'));
    const logs = got.DriveList.map((d: any) => d.ErrorLogUri as string);
    expect(new Set(logs).size).toBe(10);
    for (const [i, uri] of logs.entries()) expect((await downloadXml(uri)).DriveLog.DriveId).toBe(ids[i]);
  });
});
