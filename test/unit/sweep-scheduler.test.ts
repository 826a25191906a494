import { startScheduler } from '../../local-host/sweep-scheduler';

/** The local host's stand-in for the timer trigger (docs/contract/import-export.md#c2), on jest's fake clock. */
describe('the local sweep scheduler', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2030-01-01T00:00:03.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('runs on the schedule, not at start', async () => {
    const task = jest.fn(() => Promise.resolve());
    const s = startScheduler('*/10 * * * * *', task, () => undefined);
    expect(s.next.toISOString()).toBe('2030-01-01T00:00:10.000Z');
    await jest.advanceTimersByTimeAsync(6_999);
    expect(task).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(task).toHaveBeenCalledTimes(3);
    s.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('never runs twice at once, and goes on after a failed run', async () => {
    let finish: () => void = () => undefined;
    const errors: unknown[] = [];
    const task = jest
      .fn<Promise<void>, []>()
      .mockImplementationOnce(() => new Promise<void>((ok) => (finish = ok)))
      .mockImplementationOnce(() => Promise.reject(new Error('store down')))
      .mockImplementation(() => Promise.resolve());
    const s = startScheduler('00:00:05', task, (err) => errors.push(err));
    await jest.advanceTimersByTimeAsync(20_000);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(2);
    expect(errors).toEqual([new Error('store down')]);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(3);
    s.stop();
  });

  it('refuses a schedule it cannot read', () => {
    expect(() =>
      startScheduler(
        'every five minutes',
        () => Promise.resolve(),
        () => undefined,
      ),
    ).toThrow();
  });
});
