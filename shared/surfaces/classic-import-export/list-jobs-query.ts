import { EdgeError } from '../../edge/errors';
import type { JobFilter } from '../../import-export/customer/list-jobs';
import { MAX_PAGE_SIZE } from '../../import-export/customer/list-jobs';
import { JOB_STATES, type JobState } from '../../import-export/model/model';

/** The List Jobs query parameters (docs/contract/import-export.md#a10), parsed. */
export interface ListJobsParams {
  filter: JobFilter;
  top?: number;
  skipToken?: string;
  /** The filters and `$top` in one canonical string, which a continuation token is bound to. */
  canonical: string;
  /** The parameters, as the client gave them, that every next link repeats. */
  carried: [string, string][];
}

/** Parameters a next link repeats: the filters, `$top`, and the representation. */
const CARRIED = ['type', 'from', 'to', 'states', '$top', '$format'] as const;

const bad = (name: string, value: string, rule: string) =>
  new EdgeError('InvalidQueryParameterValue', `${name} ${rule}.`, `${name}=${value}`);

/** `2013-09-01T00:00:00.0000000Z` and shorter ISO 8601 forms; without an offset the time is UTC. */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * A `from`/`to` bound. Creation times have milliseconds; a bound with finer digits is rounded
 * inwards (`from` up, `to` down), so the bounds stay exactly inclusive.
 */
export function parseDateTime(name: 'from' | 'to', value: string): Date {
  const m = DATE_TIME.exec(value.trim());
  if (!m) throw bad(name, value, 'must be a UTC DateTime such as 2013-09-01T00:00:00.0000000Z');
  const [, day, hm = '00:00', sec = '00', fraction = '', zone = 'Z'] = m;
  const ticks = fraction.padEnd(7, '0');
  const date = new Date(`${day}T${hm}:${sec}.${ticks.slice(0, 3)}${zone.toUpperCase()}`);
  const [y, mo, d] = (day ?? '').split('-').map(Number);
  const valid =
    !Number.isNaN(date.getTime()) &&
    new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0)).getUTCDate() === d &&
    Number(hm.slice(0, 2)) < 24 &&
    Number(hm.slice(3)) < 60 &&
    Number(sec) < 60;
  if (!valid) throw bad(name, value, 'is not a valid date and time');
  const extra = Number(ticks.slice(3)) > 0 && name === 'from' ? 1 : 0;
  return new Date(date.getTime() + extra);
}

function parseStates(value: string): JobState[] {
  const states = value.split(',');
  for (const s of states) {
    if (!(JOB_STATES as readonly string[]).includes(s)) {
      throw bad(
        'states',
        value,
        `must be a comma-separated list of ${JOB_STATES.join(', ')} (case-sensitive)`,
      );
    }
  }
  return [...new Set(states as JobState[])].sort();
}

function parseTop(value: string): number {
  const top = /^\d{1,4}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(top >= 1 && top <= MAX_PAGE_SIZE))
    throw bad('$top', value, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return top;
}

export function parseListJobsQuery(query: URLSearchParams): ListJobsParams {
  const get = (name: string) => query.get(name) ?? undefined;
  const type = get('type');
  const states = get('states');
  const from = get('from');
  const to = get('to');
  const top = get('$top');
  const filter: JobFilter = {};
  if (type !== undefined) {
    const t = type.toLowerCase();
    if (t !== 'import' && t !== 'export') throw bad('type', type, 'must be import or export');
    filter.type = t === 'import' ? 'Import' : 'Export';
  }
  if (states !== undefined) filter.states = parseStates(states);
  if (from !== undefined) filter.from = parseDateTime('from', from);
  if (to !== undefined) filter.to = parseDateTime('to', to);
  const parsedTop = top === undefined ? undefined : parseTop(top);
  const skipToken = get('$skiptoken');
  return {
    filter,
    ...(parsedTop !== undefined && { top: parsedTop }),
    ...(skipToken !== undefined && { skipToken }),
    canonical: JSON.stringify([
      filter.type ?? null,
      filter.states ?? null,
      filter.from?.toISOString() ?? null,
      filter.to?.toISOString() ?? null,
      parsedTop ?? null,
    ]),
    carried: CARRIED.flatMap((name) => {
      const v = query.get(name);
      return v === null ? [] : [[name, v] as [string, string]];
    }),
  };
}
