import fc from 'fast-check';
import type { FuzzRequest, RawResponse } from './raw-http';
import { describeRequest, send } from './raw-http';
import { rejectionOf } from './rejection';
import type { StoreSnapshot } from './store-snapshot';
import { firstDifference } from './store-snapshot';

/**
 * The bad-input fuzzer's runner (docs/contract/import-export.md#d5). Requests go out in small batches; every answer must be
 * a well-formed 4xx, and after each batch the store must be exactly as before it. Batches are
 * fast-check runs, so a failure shrinks to the smallest batch (usually one request) that still fails.
 *
 * Deterministic by default: FUZZ_SEED (default 20140501) seeds every run, and a failure names it.
 * FUZZ_REQUESTS scales how many requests a run sends, to explore further; FUZZ_TRACE prints every
 * request and its status, FUZZ_VERBOSE the count of each error code.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20140501);
const SCALE = Number(process.env.FUZZ_REQUESTS ?? 1);
const RUNS_PER_CHUNK = 25;

export interface FuzzTarget {
  origin: string;
  /** Headers every request carries unless it removes or replaces them. */
  defaults: Record<string, string>;
  snapshot: StoreSnapshot;
}

export interface FuzzReport {
  /** Requests sent outside shrinking. */
  sent: number;
  /** How often each ExtendedCode (or `HEAD <status>`) answered. */
  codes: Map<string, number>;
}

/** Sends at least `requests` (times FUZZ_REQUESTS) bad requests from `arbitrary`; throws on the first failure. */
export async function fuzz(
  target: FuzzTarget,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  requests: number,
  judge: (method: string, res: RawResponse) => { code?: string; problems: string[] } = rejectionOf,
): Promise<FuzzReport> {
  const report: FuzzReport = { sent: 0, codes: new Map() };
  const goal = Math.ceil(requests * SCALE);
  let store = await target.snapshot.take();
  let shrinking = false;
  const described = arbitrary.map((r) => Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) }));
  const property = fc.asyncProperty(fc.array(described, { minLength: 1, maxLength: 8 }), async (batch) => {
    for (const r of batch) {
      const res = await send(target.origin, r, target.defaults);
      if (!shrinking) report.sent++;
      if (process.env.FUZZ_TRACE) console.log(res.status, describeRequest(r));
      const { code, problems } = judge(r.method, res);
      if (problems.length > 0) {
        shrinking = true;
        // What follows (shrinking) compares with the store as it now is: a wrong answer may have written.
        store = await target.snapshot.take();
        throw new Error(`${describeRequest(r)}\n  was answered ${res.status}: ${problems.join('; ')}`);
      }
      const key = code ?? `HEAD ${res.status}`;
      report.codes.set(key, (report.codes.get(key) ?? 0) + 1);
    }
    const after = await target.snapshot.take();
    if (after !== store) {
      const change = firstDifference(store, after);
      // What follows (shrinking) compares with the store as it now is.
      store = after;
      shrinking = true;
      throw new Error(`the store changed after:\n${batch.map(describeRequest).join('\n')}\n${change}`);
    }
  });
  for (let chunk = 0; report.sent < goal; chunk++) {
    const seed = FUZZ_SEED + chunk;
    try {
      await fc.assert(property, { seed, numRuns: RUNS_PER_CHUNK });
    } catch (err) {
      const { message, cause } = err as Error & { cause?: unknown };
      throw new Error(
        `Bad-input fuzzing failed with FUZZ_SEED=${FUZZ_SEED} (run seed ${seed}) after ${report.sent} requests:\n${message}\n${cause instanceof Error ? cause.message : ''}`,
      );
    }
  }
  return report;
}

/** With FUZZ_VERBOSE, prints how often each error code answered. */
export function reportCodes(api: string, report: FuzzReport): void {
  if (!process.env.FUZZ_VERBOSE) return;
  const lines = [...report.codes.entries()].sort().map(([code, n]) => `  ${code}: ${n}`);
  console.log(`${api} API, FUZZ_SEED=${FUZZ_SEED}: ${report.sent} requests\n${lines.join('\n')}`);
}
