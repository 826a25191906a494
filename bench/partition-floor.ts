import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { rounds } from './load';

const C = 16;

/**
 * The store's own floor for writes in one subscription (bench/scenarios.ts `writes`): raw
 * entity-group transactions shaped like Put Job's (a 3 KB job row, its list and due rows, a quota
 * slot) at concurrency 16, all in one partition against one partition per writer (req/s, rounds).
 * A subscription is one partition, so that its quota can be exact in one transaction; this ratio
 * is what the emulator itself allows the service.
 */
export async function partitionFloor(table: TableClient) {
  const data = 'x'.repeat(3000);
  let n = 0;
  const write = (pk: string) => {
    const k = `${n++}`.padStart(8, '0');
    return table.submitTransaction([
      ['create', { partitionKey: pk, rowKey: `job_${k}`, Data: data }],
      ['upsert', { partitionKey: pk, rowKey: `list_${k}`, Data: data.slice(0, 800) }, 'Replace'],
      ['upsert', { partitionKey: pk, rowKey: `due_${k}`, DueAt: new Date().toISOString() }, 'Replace'],
      ['create', { partitionKey: pk, rowKey: `slot_${k}`, Job: k }],
    ]);
  };
  const burst = async (pkOf: (worker: number) => string) => {
    let done = 0;
    const end = performance.now() + 2000;
    await Promise.all(
      Array.from({ length: C }, async (_, w) => {
        while (performance.now() < end) {
          await write(pkOf(w));
          done++;
        }
      }),
    );
    return done / 2;
  };
  // Each round writes partitions of its own, empty when it starts, on both sides.
  const fresh = () => `floor-${randomBytes(4).toString('hex')}`;
  return rounds(
    4,
    () => {
      const one = fresh();
      return burst(() => one);
    },
    () => {
      const tag = fresh();
      return burst((w) => `${tag}-${w}`);
    },
  );
}
