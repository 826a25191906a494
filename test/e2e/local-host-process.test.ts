import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { superviseAzurite } from '../../local-host/azurite-supervisor';

const ROOT = resolve(__dirname, '..', '..');
/** Runs local-host/start.ts's main() from source (swc transpiles on require), as `npm start` runs the built one. */
const BOOT = `
const swc = require('@swc/core'); const fs = require('fs');
require.extensions['.ts'] = (m, f) => m._compile(swc.transformSync(fs.readFileSync(f, 'utf8'),
  { filename: f, module: { type: 'commonjs' }, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }).code, f);
require('./local-host/start.ts').main().catch((e) => { console.error(e.name === 'ConfigError' ? e.message : e); process.exit(1); });
`;

interface Started {
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function startHost(env: Record<string, string>, dataDir: string): Started {
  const child = spawn(process.execPath, ['-e', BOOT], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      AZURITE_BLOB_PORT: '0',
      AZURITE_QUEUE_PORT: '0',
      AZURITE_TABLE_PORT: '0',
      LOCAL_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((ok) =>
    child.once('exit', (code) => ok({ code, at: Date.now() })),
  );
  return { child, out: () => out, exited };
}

async function waitFor(what: () => boolean, ms: number, label: string): Promise<void> {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listening = (port: number) =>
  fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start stops on a signal, with its Azurite, and says so', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s stops the host and Azurite within 3 s',
    async (signal) => {
      const host = startHost({}, dir);
      try {
        await waitFor(() => host.out().includes('ready on'), 40_000, 'the ready line');
        const url = /ready on (\S+)/.exec(host.out())![1]!;
        const blobPort = Number(/blob :(\d+)/.exec(host.out())![1]);
        expect(await listening(blobPort)).toBe(true);
        expect(readFileSync(join(dir, 'host.pid'), 'utf8')).toBe(String(host.child.pid));
        const sent = Date.now();
        host.child.kill(signal);
        const { code, at } = await host.exited;
        expect(code).toBe(0);
        expect(at - sent).toBeLessThan(3_000);
        expect(host.out()).toContain(`${signal}: stopping the host and Azurite`);
        expect(host.out()).toMatch(/Stopped in \d+ ms/);
        expect(await listening(blobPort)).toBe(false);
        expect(await listening(Number(new URL(url).port))).toBe(false);
      } finally {
        host.child.kill('SIGKILL');
      }
    },
    60_000,
  );
});

describe("npm start's script", () => {
  it('hands a signal sent to its shell to node (npm signals the shell, which would swallow it)', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const probe = `process.on('SIGINT', () => { console.log('node got SIGINT'); process.exit(0); }); console.log('up'); setInterval(() => {}, 1000);`;
    const script = pkg.scripts.start!.replace('node local-host/launch.js', `node -e "${probe}"`);
    expect(script).not.toBe(pkg.scripts.start);
    const sh = spawn('sh', ['-c', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    sh.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('up'), 10_000, 'the probe');
    sh.kill('SIGINT');
    const code = await new Promise<number | null>((ok) => sh.once('exit', (c) => ok(c)));
    expect(out).toContain('node got SIGINT');
    expect(code).toBe(0);
  }, 20_000);
});

describe('a port in use', () => {
  let blocker: Server;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
  });
  afterAll(() => new Promise<void>((ok) => blocker.close(() => ok())));

  it.each(['AZURITE_TABLE_PORT', 'PORT'])(
    'in %s is one line naming the setting, and exit code 1',
    async (setting) => {
      const port = String((blocker.address() as AddressInfo).port);
      const host = startHost({ [setting]: port }, dir);
      // The deadline is cleared once the host exits: a pending 30 s timer would hold the jest worker.
      let deadline: NodeJS.Timeout | undefined;
      const { code } = await Promise.race([
        host.exited,
        new Promise<never>((_, no) => (deadline = setTimeout(() => no(new Error(host.out())), 30_000))),
      ]).finally(() => clearTimeout(deadline));
      expect(code).toBe(1);
      const lines = host.out().trim().split('\n');
      expect(lines).toEqual([
        `Port ${port} is in use (App setting ${setting}): stop what listens there, or set ${setting} to a free port (0 lets the OS pick).`,
      ]);
    },
    40_000,
  );
});

describe('Azurite dying under the host', () => {
  it('is reported loudly and restarted on the same ports', async () => {
    const alerts: string[] = [];
    const fatal: string[] = [];
    const supervised = await superviseAzurite({
      location: join(dir, 'azurite'),
      alert: (t) => alerts.push(t),
      onFatal: (t) => fatal.push(t),
    });
    try {
      const first = supervised.azurite;
      process.kill(first.pid, 'SIGKILL');
      await waitFor(() => alerts.some((a) => a.startsWith('Azurite is back')), 30_000, 'the restart');
      expect(alerts[0]).toMatch(
        /^!! Azurite \(the service's storage\) exited unexpectedly: .*signal SIGKILL/,
      );
      expect(alerts[1]).toContain('Storage calls answer 503 until it is back. Restarting Azurite (1 of 3)');
      expect(supervised.azurite.pid).not.toBe(first.pid);
      expect(supervised.azurite.tablePort).toBe(first.tablePort);
      expect(await listening(first.tablePort)).toBe(true);
      expect(fatal).toEqual([]);
    } finally {
      await supervised.stop();
    }
  }, 60_000);
});
