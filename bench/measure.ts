/** Timing helpers: medians over interleaved rounds, so drift of the machine hits both sides alike. */

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Milliseconds per call of `op`, over `n` sequential calls (call index passed in). */
export async function perOp(op: (i: number) => Promise<unknown>, n: number, offset = 0): Promise<number> {
  const start = now();
  for (let i = 0; i < n; i++) await op(offset + i);
  return (now() - start) / n;
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
