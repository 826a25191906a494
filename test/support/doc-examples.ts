import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** How a fenced block is treated (docs/testing.md#every-example-in-the-docs-is-run). */
type ExampleMode = 'run' | 'expect-error' | 'no-run';

interface Example {
  /** 1-based line of the opening fence. */
  line: number;
  mode: ExampleMode;
  code: string;
}

interface Page {
  /** Relative to the repository root, e.g. `docs/operator.md`. */
  path: string;
  examples: Example[];
}

const FENCE = /^(\s*)(`{3,})\s*([^`\s]*)\s*(.*)$/;

function modeOf(lang: string, rest: string): ExampleMode | undefined {
  if (lang !== 'sh') return undefined;
  const flags = rest.split(/\s+/).filter(Boolean);
  if (flags.includes('no-run')) return 'no-run';
  if (flags.includes('expect-error')) return 'expect-error';
  return 'run';
}

/** The `sh` blocks of a Markdown page, in order; other fences (console, text, json...) are left out. */
function extractExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent, ticks, lang, rest] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim().startsWith(ticks!) && line.trim().replace(/`/g, '') === '') break;
      body.push(indent ? line.replace(new RegExp(`^ {0,${indent.length}}`), '') : line);
    }
    const mode = modeOf(lang ?? '', rest ?? '');
    if (mode) examples.push({ line: i + 1, mode, code: body.join('\n') });
    i = j;
  }
  return examples;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** README.md first, then every `docs/**\/*.md` in path order. */
export function documentationPages(root: string): Page[] {
  const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs')).sort()];
  return files.map((file) => ({
    path: relative(root, file),
    examples: extractExamples(readFileSync(file, 'utf8')),
  }));
}

/** Marks the start of a block on stderr, so a failure names its block. */
export const blockMarker = (e: Example) => `::example at line ${e.line}::`;

/**
 * The page as one bash script: its runnable blocks in order, `http://localhost:7071` replaced by
 * the test host's address, `curl` failing on a status of 400 or more (except in `expect-error`
 * blocks) and writing every status to stderr.
 */
export function pageScript(page: Page, baseUrl: string): string {
  const parts = ['set -eo pipefail'];
  for (const e of page.examples) {
    if (e.mode === 'no-run') continue;
    const fail = e.mode === 'run' ? '--fail-with-body ' : '';
    parts.push(
      `echo '${blockMarker(e)}' >&2`,
      `curl() { command curl ${fail}-sS --write-out '%{stderr}::status %{http_code}::\\n' "$@"; }`,
      e.code.replaceAll('http://localhost:7071', baseUrl),
    );
  }
  return `${parts.join('\n')}\n`;
}

/** The statuses each block's curls answered, by block line, read back from the script's stderr. */
export function statusesByBlock(stderr: string): Map<number, number[]> {
  const result = new Map<number, number[]>();
  let current = 0;
  for (const line of stderr.split('\n')) {
    const block = /::example at line (\d+)::/.exec(line);
    if (block) result.set((current = Number(block[1])), []);
    const status = /::status (\d+)::/.exec(line);
    if (status) result.get(current)?.push(Number(status[1]));
  }
  return result;
}
