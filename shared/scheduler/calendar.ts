/** UTC calendar arithmetic for the recurrence rules (docs/classic-scheduler.md#d2). */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

export const daysInMonth = (year: number, month0: number): number =>
  new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

export const startOfDay = (t: number): number => t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
export const startOfHour = (t: number): number => t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS);

/** Weeks start on Sunday (a Decision that matters only for weekly intervals above 1). */
export const startOfWeek = (t: number): number => startOfDay(t) - new Date(t).getUTCDay() * DAY_MS;

/** Months since year 0: a month's index on a line. */
export const monthIndex = (t: number): number => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

export const monthStart = (index: number): number => Date.UTC(Math.floor(index / 12), index % 12, 1);

/** .NET DateTime.AddMonths: the same day and time of day, the day clamped to the month's last. */
export function addMonths(t: number, months: number): number {
  const d = new Date(t);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month0 = index - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month0));
  return Date.UTC(year, month0, day) + (t - startOfDay(t));
}

/** The days (at 00:00) of a month whose weekday is `dow`, in order. */
export function weekdaysOfMonth(year: number, month0: number, dow: number): number[] {
  const first = Date.UTC(year, month0, 1);
  const offset = (dow - new Date(first).getUTCDay() + 7) % 7;
  const out: number[] = [];
  for (let day = 1 + offset; day <= daysInMonth(year, month0); day += 7)
    out.push(Date.UTC(year, month0, day));
  return out;
}
