import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCertificate } from '../../../shared/identity/client-certificate';
import { startService, type TestService } from '../../support/service';

/**
 * Every `sh` example of docs/classic-scheduler.md runs, in order, in one bash, against a fresh
 * local host (the conventions of docs/testing.md): `sh` blocks must answer below 400, each
 * `sh expect-error` block must hold an answer of 400 or more.
 */
const DEV_SUB = '00000000-0000-0000-0000-000000000000';
let svc: TestService;
let dir: string;

beforeAll(async () => {
  svc = await startService();
  await svc.rt.certificates.put(DEV_SUB, readCertificate(svc.cert.derBase64)!);
  dir = mkdtempSync(join(tmpdir(), 'sched-doc-'));
  mkdirSync(join(dir, '.local'));
  writeFileSync(join(dir, '.local', 'dev-client.b64'), svc.cert.derBase64);
});
afterAll(async () => {
  await svc.stop();
  rmSync(dir, { recursive: true, force: true });
});

function blocks(): { kind: 'sh' | 'expect-error'; code: string }[] {
  const text = readFileSync(join(__dirname, '../../../docs/classic-scheduler.md'), 'utf8');
  const out: { kind: 'sh' | 'expect-error'; code: string }[] = [];
  for (const m of text.matchAll(/```sh( expect-error| no-run)?\n([\s\S]*?)```/g)) {
    if (m[1] === ' no-run') continue;
    out.push({
      kind: m[1] ? 'expect-error' : 'sh',
      code: m[2]!.replaceAll('http://localhost:7071', svc.url),
    });
  }
  return out;
}

it('runs every sh example of docs/classic-scheduler.md', async () => {
  const all = blocks();
  expect(all.length).toBeGreaterThan(5);
  // Each curl writes its status to a log (on stderr, so command substitutions keep their output).
  const script = all
    .map(
      (b, i) =>
        `echo "=== ${i} ${b.kind}" >> .local/status\ncurl() { command curl -w '%{stderr}%{http_code}\\n' "$@" 2>>.local/status; }\n${b.code}`,
    )
    .join('\n');
  // Asynchronously: the host answering the examples runs in this process.
  await promisify(execFile)('bash', ['-eo', 'pipefail', '-c', script], { cwd: dir, timeout: 30_000 });
  const log = readFileSync(join(dir, '.local', 'status'), 'utf8');
  for (const section of log.split('=== ').slice(1)) {
    const [head, ...codes] = section.trim().split('\n');
    const statuses = codes.map(Number).filter((n) => n > 0);
    if (head!.endsWith('expect-error')) expect(statuses.some((s) => s >= 400)).toBe(true);
    else expect({ head, statuses: statuses.filter((s) => s >= 400) }).toEqual({ head, statuses: [] });
  }
});
