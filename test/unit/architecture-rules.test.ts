import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The layer rules of docs/architecture.md, as `npm run lint` checks them: the project's own
 * dependency-cruiser configuration run over a small tree that breaks each rule on purpose (and
 * over one that breaks none).
 */
const ROOT = resolve(__dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

function cruise(files: Record<string, string>): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(BIN, ['shared', 'functions', '--config', CONFIG, '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A tree that keeps every rule: the layers as the service has them. */
const CLEAN: Record<string, string> = {
  'shared/kernel/errors.ts': 'export const k = 1;\n',
  'shared/import-export/model.ts': "import { k } from '../kernel/errors';\nexport const m = k;\n",
  'shared/adapters/store.ts': "import { m } from '../import-export/model';\nexport const s = m;\n",
  'shared/surfaces/classic/routes.ts':
    "import { m } from '../../import-export/model';\nexport const r = m;\n",
  'shared/app/routes.ts':
    "import { r } from '../surfaces/classic/routes';\nimport { s } from '../adapters/store';\nexport const all = [r, s];\n",
  'functions/index.ts': "import { all } from '../shared/app/routes';\nexport default all;\n",
};

it('passes a tree whose dependencies point inward', () => {
  const { status, out } = cruise(CLEAN);
  expect(out).not.toMatch(/error/);
  expect(status).toBe(0);
});

it('fails lint for each layer a module crosses', () => {
  const { status, out } = cruise({
    ...CLEAN,
    // A context reaching into another context, and into an adapter.
    'shared/scheduler/jobs.ts':
      "import { m } from '../import-export/model';\nimport { s } from '../adapters/store';\nexport const j = [m, s];\n",
    // A surface reaching into an adapter.
    'shared/surfaces/classic/leaky.ts': "import { s } from '../../adapters/store';\nexport const l = s;\n",
    // A function doing more than registering app/'s tables.
    'functions/extra.ts': "import { m } from '../shared/import-export/model';\nexport default m;\n",
    // The kernel depending on a context, and a cycle between two modules.
    'shared/kernel/clock.ts': "import { m } from '../import-export/model';\nexport const c = m;\n",
    'shared/adapters/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
    'shared/adapters/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    'shared/app/more.ts':
      "import { a } from '../adapters/a';\nimport { j } from '../scheduler/jobs';\nimport { l } from '../surfaces/classic/leaky';\nimport { c } from '../kernel/clock';\nexport const more = [a, j, l, c];\n",
  });
  expect(status).not.toBe(0);
  for (const rule of [
    'context-imports-kernel-and-itself',
    'surfaces-never-import-adapters',
    'functions-are-thin',
    'kernel-stands-alone',
    'no-cycles',
  ]) {
    expect(out).toContain(rule);
  }
});
