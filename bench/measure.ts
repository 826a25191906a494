/** Timing helpers: medians over interleaved rounds, so drift of the machine hits both sides alike. */

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Milliseconds per call of `op`, over `n` sequential calls (call index passed in). */
async function perOp(op: (i: number) => Promise<unknown>, n: number, offset = 0): Promise<number> {
  const start = now();
  for (let i = 0; i < n; i++) await op(offset + i);
  return (now() - start) / n;
}

export interface Pair {
  /** Milliseconds per operation, medians over the rounds. */
  subject: number;
  floor: number;
  /** Median of the per-round ratios. */
  ratio: number;
}

/**
 * Runs `subject` and `floor` in alternating rounds of `n` calls each (which goes first alternates
 * too), after a warm-up of both; a slow spell of the machine then lands on both sides alike.
 */
export async function paired(
  subject: (i: number) => Promise<unknown>,
  floor: (i: number) => Promise<unknown>,
  { rounds = 15, n = 100, warmup = 50 } = {},
): Promise<Pair> {
  await perOp(subject, warmup, 1e6);
  await perOp(floor, warmup, 1e6);
  const s: number[] = [];
  const f: number[] = [];
  const r: number[] = [];
  for (let k = 0; k < rounds; k++) {
    let a: number;
    let b: number;
    if (k % 2 === 0) {
      a = await perOp(subject, n, k * n);
      b = await perOp(floor, n, k * n);
    } else {
      b = await perOp(floor, n, k * n);
      a = await perOp(subject, n, k * n);
    }
    s.push(a);
    f.push(b);
    r.push(a / b);
  }
  return { subject: median(s), floor: median(f), ratio: median(r) };
}

/** Operations per second with `concurrency` loops running `op` for `ms` milliseconds. */
export async function throughput(
  op: () => Promise<unknown>,
  concurrency: number,
  ms: number,
): Promise<number> {
  let done = 0;
  const end = now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (now() < end) {
        await op();
        done++;
      }
    }),
  );
  return (done * 1000) / ms;
}
