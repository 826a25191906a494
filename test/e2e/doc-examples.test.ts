import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEV_OPERATOR_KEY,
  DEV_SUBSCRIPTION,
  launchLocalHost,
  type LocalHost,
} from '../../local-host/launch-host';
import { blockMarker, documentationPages, pageScript, statusesByBlock } from '../support/doc-examples';

/**
 * docs/testing.md#every-example-in-the-docs-is-run: the `sh` examples of README.md and docs/,
 * run in order against a fresh local host with its own Azurite, in a folder holding only `.local/`.
 */
const ROOT = resolve(__dirname, '..', '..');
const PAGE_DEADLINE_MS = 30_000;
const pages = documentationPages(ROOT).filter((p) => p.examples.some((e) => e.mode !== 'no-run'));

let host: LocalHost;
let dir: string;
const alerts: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'doc-examples-'));
  host = await launchLocalHost({
    dataDir: join(dir, '.local'),
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      AZURITE_BLOB_PORT: '0',
      AZURITE_QUEUE_PORT: '0',
      AZURITE_TABLE_PORT: '0',
    },
    log: () => undefined,
    alert: (t) => alerts.push(t),
    onFatal: (t) => alerts.push(t),
  });
}, 60_000);

afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runBash(script: string, cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      env,
      timeout: PAGE_DEADLINE_MS,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

it('finds the pages and their examples', () => {
  expect(pages.map((p) => p.path)).toContain('README.md');
});

describe.each(pages.map((p) => [p.path, p] as const))('the examples of %s', (_path, page) => {
  it('run as written against a fresh local host', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      BASE_URL: host.url,
      SUB: DEV_SUBSCRIPTION,
      OPERATOR_KEY: DEV_OPERATOR_KEY,
      CLIENT_CERT_PEM: join(dir, '.local', 'dev-client.pem'),
      CLIENT_KEY_PEM: join(dir, '.local', 'dev-client.key'),
      CLIENT_CERT_B64: join(dir, '.local', 'dev-client.b64'),
    };
    // Not spawnSync: the host answering these examples runs in this very process.
    const run = await runBash(pageScript(page, host.url), dir, env);
    const lastBlock = [...run.stderr.matchAll(/::example at line (\d+)::/g)].pop()?.[1];
    const report = `${page.path}, example at line ${lastBlock ?? '?'}${run.signal ? ` (killed by ${run.signal} after ${PAGE_DEADLINE_MS / 1000} s)` : ''}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-4000)}`;
    if (run.status !== 0) throw new Error(`failed: ${report}`);
    const statuses = statusesByBlock(run.stderr);
    for (const e of page.examples.filter((x) => x.mode === 'expect-error')) {
      const got = statuses.get(e.line) ?? [];
      if (!got.some((s) => s >= 400)) {
        throw new Error(
          `${page.path}: the expect-error example at line ${e.line} answered no error (${got.join(', ')})`,
        );
      }
    }
    expect(run.stderr).toContain(blockMarker(page.examples.find((e) => e.mode !== 'no-run')!));
    const stray = readdirSync(dir).filter((f) => f !== '.local');
    if (stray.length > 0) throw new Error(`${page.path} wrote outside .local/: ${stray.join(', ')}`);
    expect(alerts).toEqual([]);
  });
});
