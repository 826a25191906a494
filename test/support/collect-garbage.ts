import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Every test file loads the whole app into a fresh module registry; a jest worker runs ~70 files
 * and V8, with room to grow, leaves their dead registries uncollected (about 1 GB by the last
 * file, of which under 200 MB is live). Node's exit then takes longer than the 500 ms jest gives
 * a worker, and jest reports it as "failed to exit gracefully" although nothing holds the event
 * loop (docs/testing.md#workers-exit). A full collection after each file keeps the heap near its
 * live size. `gc` is reached the way jest's own leak detector reaches it.
 */
afterAll(() => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
});
