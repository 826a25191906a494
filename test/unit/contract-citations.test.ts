import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every citation of the contract in the code names a page and anchor the repository holds
 * (docs/...md#id), so a fresh clone can follow each one; none points outside it.
 */
const ROOT = resolve(__dirname, '..', '..');
const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && f !== 'test/unit/contract-citations.test.ts' && existsSync(join(ROOT, f)));

/** `docs/x.md#a5, #a6` and `docs/x.md#a5-#a9`: a page, then its anchors. */
const CITATION = /(docs\/[\w/-]+\.md)((?:#[a-z0-9]+(?:-[a-z][a-z0-9]*)*(?:(?:, |-| and |\/)(?=#))?)+)/g;

const anchorsOf = new Map<string, Set<string>>();
function anchors(page: string): Set<string> | undefined {
  if (!anchorsOf.has(page)) {
    const file = join(ROOT, page);
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    const ids = [...text.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]!);
    const headings = [...text.matchAll(/^#+ (.+)$/gm)].map((m) =>
      m[1]!
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-'),
    );
    anchorsOf.set(page, new Set([...ids, ...headings]));
  }
  return anchorsOf.get(page);
}

it('finds every cited page and anchor in the repository', () => {
  const broken: string[] = [];
  let count = 0;
  for (const file of sources) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(CITATION)) {
      const page = m[1]!;
      for (const id of m[2]!.match(/#[a-z0-9]+(?:-[a-z][a-z0-9]*)*/g) ?? []) {
        count++;
        if (!anchors(page)?.has(id.slice(1))) broken.push(`${file}: ${page}${id}`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(count).toBeGreaterThan(300);
});

it('cites no contract the repository does not hold', () => {
  const outside = sources.filter((file) =>
    /\bSPEC(-[A-Z]+)?(\.md)? [A-I](\.\d+)?\b/.test(readFileSync(join(ROOT, file), 'utf8')),
  );
  expect(outside).toEqual([]);
});
