import type { JobStore } from '../../shared/import-export/model/ports';
import type { Runtime } from '../../shared/app/runtime';

/** A gate: `reached` resolves when the paused call gets there, `release` lets it go on. */
export function gate() {
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (reach = r));
  const released = new Promise<void>((r) => (release = r));
  return { reached, release, reach, released };
}

export type Gate = ReturnType<typeof gate>;

/** The real store, its first `write` held at the gate until released. */
export function holdingFirstWrite<S extends JobStore>(store: S, g: Gate): S {
  let first = true;
  return new Proxy(store, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if (prop !== 'write') return typeof value === 'function' ? value.bind(t) : value;
      return async (...args: Parameters<JobStore['write']>) => {
        if (first) {
          first = false;
          g.reach();
          await g.released;
        }
        return t.write(...args);
      };
    },
  });
}

/** How many quota slots (docs/contract/import-export.md#d3) the subscription's jobs hold. */
export async function slotCount(rt: Runtime, sub: string): Promise<number> {
  const jobs = await rt.tables.table('jobs');
  let n = 0;
  const filter = `PartitionKey eq '${sub}' and RowKey ge 'slot_' and RowKey lt 'slot_~'`;
  for await (const _ of jobs.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) n++;
  return n;
}
