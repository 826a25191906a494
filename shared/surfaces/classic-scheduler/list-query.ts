import { HISTORY_STATUSES, JOB_STATES } from '../../scheduler/model';
import type { HistoryStatus, JobState } from '../../scheduler/model';
import { wire } from './pipeline';

const bad = (message: string) => wire('BadRequest', message);

/** `$filter=<field> eq <value>` (docs/classic-scheduler.md#c7): any case, optional quotes, `+` as a space. */
function parseFilter(
  raw: string | undefined,
  fields: readonly string[],
): { field: string; value: string } | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\w+)\s+eq\s+'?([A-Za-z]+)'?\s*$/i.exec(raw.replace(/\+/g, ' '));
  const field = m?.[1]?.toLowerCase();
  if (!m || !field || !fields.includes(field))
    throw bad(`$filter must be '${fields.join("' or '")} eq <value>'.`);
  return { field, value: m[2]!.toLowerCase() };
}

function parseInt(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw bad(`${name} must be an integer from ${min} to ${max}.`);
  return Number(raw);
}

export interface Page {
  skip: number;
  top?: number;
}

function pageOf(query: ReadonlyMap<string, string>): Page {
  const skip = parseInt(query.get('$skip'), '$skip', 0, 999_999_999) ?? 0;
  const top = parseInt(query.get('$top'), '$top', 1, 100);
  return { skip, ...(top !== undefined && { top }) };
}

export const paged = <T>(items: T[], p: Page): T[] =>
  items.slice(p.skip, p.top === undefined ? undefined : p.skip + p.top);

function oneOf<T extends string>(values: readonly T[], value: string): T {
  const found = values.find((v) => v === value);
  if (!found) throw bad(`'${value}' is not one of ${values.join(', ')}.`);
  return found;
}

export function jobListQuery(query: ReadonlyMap<string, string>): { state?: JobState; page: Page } {
  const page = pageOf(query);
  const f = parseFilter(query.get('$filter'), ['state']);
  return f ? { state: oneOf(JOB_STATES, f.value), page } : { page };
}

export function historyQuery(query: ReadonlyMap<string, string>): {
  filter: { status?: HistoryStatus; state?: JobState };
  page: Page;
} {
  const page = pageOf(query);
  const f = parseFilter(query.get('$filter'), ['status', 'state']);
  if (!f) return { filter: {}, page };
  return f.field === 'status'
    ? { filter: { status: oneOf(HISTORY_STATUSES, f.value) }, page }
    : { filter: { state: oneOf(JOB_STATES, f.value) }, page };
}
