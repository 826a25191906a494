import type { OutboundPolicy } from './outbound-policy';
import { invalid } from './errors';
import type { ActionDefinition, Frequency, JobDefinition, Recurrence } from './model';

/** docs/classic-scheduler.md#c3: 18 months = 548 days throughout. */
export const MAX_AHEAD_MS = 548 * 86_400_000;
export const MAX_JOB_BYTES = 16 * 1024;
const MAX_HEADERS = 50;
const MAX_HEADER_CHARS = 4096;
const MAX_BODY_CHARS = 8192;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];
const MAX_INTERVAL: Record<Frequency, number> = {
  minute: 1000,
  hour: 1000,
  day: 548,
  week: 78,
  month: 18,
  year: 1,
};
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STORAGE_ACCOUNT = /^[a-z0-9]{3,24}$/;
const QUEUE_NAME = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;

export interface RuleContext {
  now: Date;
  /** SCHEDULER_MIN_RETRY_INTERVAL in milliseconds. */
  minRetryMs: number;
  outbound: Pick<OutboundPolicy, 'literalRefusal'>;
  /**
   * The endTime the job already has, on a PATCH: one that has passed since is kept, not refused,
   * so that re-enabling a job with no occurrence left completes it (docs/classic-scheduler.md#c6).
   */
  storedEndTime?: string;
}

function checkRecurrence(r: Recurrence, ctx: RuleContext): void {
  if (r.interval > MAX_INTERVAL[r.frequency])
    throw invalid(`recurrence.interval for ${r.frequency} is at most ${MAX_INTERVAL[r.frequency]}.`);
  const kept =
    ctx.storedEndTime !== undefined && Date.parse(ctx.storedEndTime) === Date.parse(r.endTime ?? '');
  if (r.endTime !== undefined && !kept && Date.parse(r.endTime) <= ctx.now.getTime())
    throw invalid('recurrence.endTime must be in the future.');
  const s = r.schedule;
  if (!s) return;
  if (r.frequency === 'minute') throw invalid('A schedule cannot be used with the minute frequency.');
  if (s.hours && r.frequency === 'hour')
    throw invalid('schedule.hours cannot be used with the hour frequency.');
  if (s.weekDays && r.frequency !== 'week') throw invalid('schedule.weekDays needs the week frequency.');
  if (s.weekDays && s.weekDays.length > 7) throw invalid('schedule.weekDays holds at most 7 days.');
  if ((s.monthDays || s.monthlyOccurrences) && r.frequency !== 'month')
    throw invalid('schedule.monthDays and schedule.monthlyOccurrences need the month frequency.');
  if (s.months && r.frequency !== 'month' && r.frequency !== 'year')
    throw invalid('schedule.months needs the month or year frequency.');
}

function checkHttp(a: ActionDefinition, where: string, outbound: RuleContext['outbound']): void {
  const req = a.request;
  if (!req) throw invalid(`${where}.request is required for an http action.`);
  let url: URL;
  try {
    url = new URL(req.uri);
  } catch {
    throw invalid(`${where}.request.uri must be an absolute http(s) URI.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(`${where}.request.uri must be an absolute http(s) URI.`);
  const refused = outbound.literalRefusal(req.uri);
  if (refused)
    throw invalid(
      `${where}.request.uri: the address ${refused.address} is refused by the outbound policy (${refused.rule}).`,
    );
  if (!METHODS.includes(req.method.toUpperCase()))
    throw invalid(`${where}.request.method must be one of ${METHODS.join(', ')}.`);
  const headers = Object.entries(req.headers ?? {});
  if (headers.length > MAX_HEADERS)
    throw invalid(`${where}.request.headers holds at most ${MAX_HEADERS} headers.`);
  if (headers.reduce((n, [k, v]) => n + k.length + v.length, 0) > MAX_HEADER_CHARS)
    throw invalid(`${where}.request.headers hold at most ${MAX_HEADER_CHARS} characters in all.`);
  for (const [k, v] of headers) {
    if (!TOKEN.test(k)) throw invalid(`${where}.request.headers has an invalid header name.`);
    if (/[\r\n]/.test(v)) throw invalid(`${where}.request.headers values cannot hold CR or LF.`);
  }
  if (req.body !== undefined && req.body.length > MAX_BODY_CHARS)
    throw invalid(`${where}.request.body holds at most ${MAX_BODY_CHARS} characters.`);
}

function checkAction(a: ActionDefinition, where: string, outbound: RuleContext['outbound']): void {
  if (a.kind === 'http') return checkHttp(a, where, outbound);
  const q = a.queueMessage;
  if (!q) throw invalid(`${where}.queueMessage is required for a storageQueue action.`);
  if (!STORAGE_ACCOUNT.test(q.storageAccount))
    throw invalid(`${where}.queueMessage.storageAccount must be 3-24 lowercase letters and digits.`);
  if (!QUEUE_NAME.test(q.queueName))
    throw invalid(
      `${where}.queueMessage.queueName must be 3-63 lowercase letters, digits and single hyphens.`,
    );
}

/** The field rules of docs/classic-scheduler.md#c3 that span fields or need the clock. */
export function checkDefinition(def: JobDefinition, ctx: RuleContext): void {
  if (def.startTime !== undefined && Date.parse(def.startTime) > ctx.now.getTime() + MAX_AHEAD_MS)
    throw invalid('startTime is at most 18 months ahead.');
  checkAction(def.action, 'action', ctx.outbound);
  if (def.action.errorAction) checkAction(def.action.errorAction, 'action.errorAction', ctx.outbound);
  const p = def.action.retryPolicy;
  if (p?.retryInterval !== undefined && (p.retryInterval < ctx.minRetryMs || p.retryInterval > MAX_AHEAD_MS))
    throw invalid('action.retryPolicy.retryInterval is out of range.');
  if (def.recurrence) checkRecurrence(def.recurrence, ctx);
}

export const hasOutboundAuth = (def: Pick<JobDefinition, 'action'>): boolean =>
  def.action.request?.authentication !== undefined ||
  def.action.errorAction?.request?.authentication !== undefined;
