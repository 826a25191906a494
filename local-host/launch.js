'use strict';
/**
 * `npm start` and `npm run reset`. Plain JavaScript, so it runs before anything is built.
 *
 * npm runs `exec node local-host/launch.js`: the shell is replaced by this process, so the
 * SIGINT/SIGTERM npm forwards reaches the host (a shell waiting on a child would swallow it).
 * The build runs only when a source is newer than it, and the host then runs in this process.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist', 'local-host', 'start.js');
const data = path.resolve(process.env.LOCAL_DATA_DIR || path.join(root, '.local'));
/** What tsconfig.build.json compiles, and the settings that change its output. */
const SOURCE_DIRS = ['functions', 'shared', 'local-host', 'bench', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'test/support/samples.ts'];

/** The first source newer than the build, or undefined when the build is up to date. */
function newerSource(builtAt) {
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (e.name.endsWith('.ts') && fs.statSync(p).mtimeMs > builtAt) return p;
    }
    return undefined;
  };
  for (const f of SOURCE_FILES) {
    const p = path.join(root, f);
    if (fs.existsSync(p) && fs.statSync(p).mtimeMs > builtAt) return p;
  }
  for (const d of SOURCE_DIRS) {
    const found = walk(path.join(root, d));
    if (found) return found;
  }
  return undefined;
}

function buildIfNeeded() {
  const builtAt = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  const changed = builtAt === 0 ? undefined : newerSource(builtAt);
  if (builtAt !== 0 && !changed) return;
  console.log(
    builtAt === 0 ? 'Building (first start)...' : `Building (${path.relative(root, changed)} changed)...`,
  );
  const tsc = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error('The build failed (see above); nothing was started.');
    process.exit(1);
  }
  const now = new Date();
  fs.utimesSync(entry, now, now);
}

/** Whether the host that wrote .local/host.pid still runs. */
function hostRunning() {
  let pid;
  try {
    pid = Number(fs.readFileSync(path.join(data, 'host.pid'), 'utf8'));
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return pid;
}

function reset() {
  const pid = hostRunning();
  if (pid) {
    console.error(
      `The local host is running (process ${pid}): stop it first (Ctrl-C), then run npm run reset.`,
    );
    process.exit(1);
  }
  fs.rmSync(data, { recursive: true, force: true });
  console.log(
    'Removed .local/: Azurite data (jobs, certificates, blobs), the secrets key, the development certificate and the walk-through files. The next npm start begins afresh.',
  );
}

if (process.argv[2] === '--reset') {
  reset();
} else {
  buildIfNeeded();
  require(entry)
    .main()
    .catch((err) => {
      console.error(err && err.name === 'ConfigError' ? err.message : err);
      process.exit(1);
    });
}
