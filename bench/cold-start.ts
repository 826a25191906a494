import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { median } from './measure';

const ENTRY = resolve(__dirname, '..', 'functions', 'index.js');

/** Milliseconds to load the compiled functions entry module in a fresh node process (median of `runs`). */
export function coldStart(runs = 9): { median: number; all: number[] } {
  const script = `const t=process.hrtime.bigint();console.warn=()=>{};require(${JSON.stringify(ENTRY)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const all = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })),
  );
  return { median: median(all), all };
}
