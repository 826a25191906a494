import { SingleFlight } from '../../shared/kernel/single-flight';

/** Concurrent calls for one key share one call (shared/kernel/single-flight.ts). */
it('hands a failure to every caller that joined, and runs the next call afresh', async () => {
  const flights = new SingleFlight<string, number>();
  let runs = 0;
  let fail!: (err: Error) => void;
  const failing = () => {
    runs++;
    return new Promise<number>((_, reject) => (fail = reject));
  };
  const joined = [flights.run('k', failing), flights.run('k', failing), flights.run('k', failing)];
  fail(new Error('store down'));
  for (const call of joined) await expect(call).rejects.toThrow('store down');
  expect(runs).toBe(1);
  await expect(flights.run('k', () => (runs++, Promise.resolve(7)))).resolves.toBe(7);
  expect(runs).toBe(2);
});

it('shares a call per key only: another key runs its own', async () => {
  const flights = new SingleFlight<string, string>();
  const [a, b] = await Promise.all([
    flights.run('a', () => Promise.resolve('a')),
    flights.run('b', () => Promise.resolve('b')),
  ]);
  expect([a, b]).toEqual(['a', 'b']);
});
