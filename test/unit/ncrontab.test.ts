import { parseConfig } from '../../shared/app/config';
import { nextOccurrence, parseSchedule } from '../../shared/kernel/ncrontab';
import { TEST_SECRETS_KEY } from '../support/runtime';

const next = (schedule: string, after: string) =>
  nextOccurrence(parseSchedule(schedule), new Date(after)).toISOString();

describe('SWEEP_SCHEDULE schedules (NCRONTAB and TimeSpan)', () => {
  it.each([
    ['0 */5 * * * *', '2030-01-01T12:03:10.500Z', '2030-01-01T12:05:00.000Z'],
    ['0 */5 * * * *', '2030-01-01T12:05:00.000Z', '2030-01-01T12:10:00.000Z'],
    ['*/10 * * * * *', '2030-01-01T12:00:05.000Z', '2030-01-01T12:00:10.000Z'],
    ['0 30 9 * * MON-FRI', '2030-01-05T10:00:00.000Z', '2030-01-07T09:30:00.000Z'],
    ['0 0 0 1 JAN *', '2030-06-15T00:00:00.000Z', '2031-01-01T00:00:00.000Z'],
    ['0 0 0 29 2 *', '2030-03-01T00:00:00.000Z', '2032-02-29T00:00:00.000Z'],
    ['15,45 0 6-8/2 * * *', '2030-01-01T06:00:20.000Z', '2030-01-01T06:00:45.000Z'],
    ['5/20 0 0 * * *', '2030-01-01T00:00:06.000Z', '2030-01-01T00:00:25.000Z'],
    ['00:05:00', '2030-01-01T12:03:10.000Z', '2030-01-01T12:08:10.000Z'],
    // NCrontab's day rule: the day-of-month AND the day-of-week (Unix cron takes either).
    ['0 0 0 13 * FRI', '2030-01-01T00:00:00.000Z', '2030-09-13T00:00:00.000Z'],
  ])('%s after %s is %s', (schedule, after, expected) => {
    expect(next(schedule, after)).toBe(expected);
  });

  it.each([
    '* * * * *',
    '0 */0 * * * *',
    '60 * * * * *',
    '0 0 0 31 2 *',
    'x * * * * *',
    '00:00:00',
    // Quartz syntax croner reads but the Functions host refuses.
    '0 0 0 L * *',
    '0 0 0 ? * MON',
    '0 0 0 * * MON#2',
    '0 0 0 * * 7',
  ])('refuses %s', (schedule) => {
    expect(() => nextOccurrence(parseSchedule(schedule), new Date())).toThrow();
  });

  it('the configuration refuses a bad SWEEP_SCHEDULE, naming it', () => {
    const env = { AzureWebJobsStorage: 'UseDevelopmentStorage=true', SECRETS_KEY: TEST_SECRETS_KEY };
    expect(parseConfig({ ...env, SWEEP_SCHEDULE: '0 */5 * * * *' }).sweepSchedule).toBe('0 */5 * * * *');
    expect(parseConfig(env).sweepSchedule).toBe('0 */5 * * * *');
    expect(() => parseConfig({ ...env, SWEEP_SCHEDULE: '0 99 * * * *' })).toThrow(/SWEEP_SCHEDULE/);
  });
});
