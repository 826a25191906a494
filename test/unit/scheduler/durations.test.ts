import {
  formatInstant,
  formatTimeSpan,
  parseDuration,
  parseInstant,
} from '../../../shared/scheduler/durations';

describe('retryInterval forms (docs/classic-scheduler.md#c3, #c5)', () => {
  it.each([
    ['PT30S', 30_000],
    ['PT1M', 60_000],
    ['P1D', 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['P1Y', 365 * 86_400_000],
    ['P1M', 30 * 86_400_000],
    ['PT1.5S', 1500],
    ['pt2h', 7_200_000],
    ['00:00:30', 30_000],
    ['1.00:00:00', 86_400_000],
    ['00:01:00.5', 60_500],
    ['-00:01:00', -60_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '30', '1:2', '00:60:00', '24:00:00', 'P1H', 'soon'])(
    '%s is not a duration',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('answers TimeSpan text: hh:mm:ss, d.hh:mm:ss from a day up, 7 digits when fractional', () => {
    expect(formatTimeSpan(30_000)).toBe('00:00:30');
    expect(formatTimeSpan(3_723_000)).toBe('01:02:03');
    expect(formatTimeSpan(86_400_000)).toBe('1.00:00:00');
    expect(formatTimeSpan(90_061_500)).toBe('1.01:01:01.5000000');
  });
});

describe('dates (docs/classic-scheduler.md#a3)', () => {
  it('reads ISO 8601: no offset means UTC, a bare date is midnight, offsets are applied', () => {
    expect(parseInstant('2015-07-13')?.toISOString()).toBe('2015-07-13T00:00:00.000Z');
    expect(parseInstant('2015-07-13T10:20')?.toISOString()).toBe('2015-07-13T10:20:00.000Z');
    expect(parseInstant('2015-07-13T10:20:30.1234567+02:00')?.toISOString()).toBe('2015-07-13T08:20:30.123Z');
    expect(parseInstant('2015-02-30')).toBeUndefined();
    expect(parseInstant('2015-13-01')).toBeUndefined();
    expect(parseInstant('yesterday')).toBeUndefined();
  });

  it('writes seconds, and 7 fraction digits only for a sub-second part', () => {
    expect(formatInstant('2015-07-13T00:00:00.000Z')).toBe('2015-07-13T00:00:00Z');
    expect(formatInstant(new Date('2014-10-29T21:52:35.210Z'))).toBe('2014-10-29T21:52:35.2100000Z');
  });
});
