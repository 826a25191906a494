/**
 * Durations and dates as the classic Scheduler writes them (docs/classic-scheduler.md#a3, #c3,
 * #c5): ISO 8601 durations and .NET TimeSpan text in, TimeSpan text out.
 */
const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const TIME_SPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/;

const SECOND = 1000;
const MIN = 60 * SECOND;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Milliseconds, or undefined when the text is neither form. ISO Y = 365 days, M = 30 days (.NET XmlConvert). */
export function parseDuration(text: string): number | undefined {
  const iso = ISO_DURATION.exec(text);
  if (iso && text !== 'P' && !/T$/i.test(text)) {
    const n = (i: number) => Number(iso[i] ?? 0);
    return Math.round(
      n(1) * 365 * DAY +
        n(2) * 30 * DAY +
        n(3) * 7 * DAY +
        n(4) * DAY +
        n(5) * HOUR +
        n(6) * MIN +
        n(7) * SECOND,
    );
  }
  const ts = TIME_SPAN.exec(text);
  if (!ts) return undefined;
  const [h, m, s] = [Number(ts[3]), Number(ts[4]), Number(ts[5])];
  if (h > 23 || m > 59 || s > 59) return undefined;
  const fraction = ts[6] ? Number(`0.${ts[6]}`) * SECOND : 0;
  const ms = Number(ts[2] ?? 0) * DAY + h * HOUR + m * MIN + s * SECOND + fraction;
  return Math.round(ts[1] ? -ms : ms);
}

const two = (n: number) => String(n).padStart(2, '0');

/** TimeSpan text: `hh:mm:ss`, `d.hh:mm:ss` from one day up, `.fffffff` when fractional. */
export function formatTimeSpan(ms: number): string {
  const days = Math.floor(ms / DAY);
  const rest = ms - days * DAY;
  const hms = `${two(Math.floor(rest / HOUR))}:${two(Math.floor((rest % HOUR) / MIN))}:${two(Math.floor((rest % MIN) / SECOND))}`;
  const fraction = rest % SECOND ? `.${String(rest % SECOND).padStart(3, '0')}0000` : '';
  return `${days > 0 ? `${days}.` : ''}${hms}${fraction}`;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 instant; no offset means UTC, a bare date is midnight UTC. Undefined when invalid. */
export function parseInstant(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  let t = Date.UTC(y, mo - 1, d, h, mi, s) + Math.floor(Number(m[7] ?? 0) * 1000);
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MIN;
  }
  return new Date(t);
}

/** docs/classic-scheduler.md#a3: `YYYY-MM-DDTHH:mm:ssZ`, plus 7 digits only with a sub-second part. */
export function formatInstant(at: Date | string): string {
  const iso = (typeof at === 'string' ? new Date(at) : at).toISOString();
  const ms = iso.slice(20, 23);
  return ms === '000' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${ms}0000Z`;
}
