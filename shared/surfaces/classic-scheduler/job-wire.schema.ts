import { z } from 'zod';
import { AUTH_TYPES, FREQUENCIES, JOB_STATES, RETRY_TYPES, WEEK_DAYS } from '../../scheduler/model';
import { parseDuration, parseInstant } from '../../scheduler/durations';

/**
 * The job definition as clients send it (docs/classic-scheduler.md#c2, #c3): enums in any case,
 * an int or a list where the docs allow either, unknown properties ignored.
 */
const caseless = <T extends string>(values: readonly T[], what: string) =>
  z.string().transform((s, ctx) => {
    const found = values.find((v) => v.toLowerCase() === s.toLowerCase());
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `${what} '${s}' is not one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return found;
  });

const listOf = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const intIn = (lo: number, hi: number) => z.number().int().min(lo).max(hi);

const instant = z.string().transform((s, ctx) => {
  const at = parseInstant(s);
  if (!at) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not an ISO 8601 date` });
    return z.NEVER;
  }
  return at.toISOString();
});

const duration = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is neither an ISO 8601 duration nor a TimeSpan` });
    return z.NEVER;
  }
  return ms;
});

const text = z.string();

const AuthenticationWire = z.looseObject({
  type: caseless(AUTH_TYPES, 'authentication type'),
  username: text.optional(),
  password: text.optional(),
  pfx: text.optional(),
  tenant: text.optional(),
  audience: text.optional(),
  clientId: text.optional(),
  secret: text.optional(),
});
export type AuthenticationWire = z.infer<typeof AuthenticationWire>;

const RequestWire = z.looseObject({
  uri: text,
  method: text,
  headers: z.record(z.string(), z.string()).optional(),
  body: text.optional(),
  authentication: AuthenticationWire.nullable().optional(),
});

const QueueMessageWire = z.looseObject({
  storageAccount: text,
  queueName: text,
  sasToken: text,
  message: text,
});

export const ACTION_TYPES = ['http', 'https', 'storageQueue', 'serviceBusQueue', 'serviceBusTopic'] as const;

/** The type is echoed as received (docs/classic-scheduler.md#c5), so only its spelling is checked here. */
export const ActionWire = z.looseObject({
  type: z.string().refine((t) => ACTION_TYPES.some((v) => v.toLowerCase() === t.toLowerCase()), {
    message: `action type must be one of ${ACTION_TYPES.join(', ')}`,
  }),
  request: RequestWire.nullable().optional(),
  queueMessage: QueueMessageWire.nullable().optional(),
  /** Kept raw so an error action can be refused for having one. */
  retryPolicy: z.unknown().optional(),
  errorAction: z.unknown().optional(),
});
export type ActionWire = z.infer<typeof ActionWire>;

export const RetryPolicyWire = z.looseObject({
  retryType: caseless(RETRY_TYPES, 'retryType'),
  retryInterval: duration.optional(),
  retryCount: intIn(0, 20).optional(),
});

const OccurrenceWire = z
  .looseObject({
    day: caseless(WEEK_DAYS, 'day'),
    occurrence: z.number().int().optional(),
    Occurrence: z.number().int().optional(),
  })
  .transform(({ day, occurrence, Occurrence }) => ({ day, occurrence: occurrence ?? Occurrence }))
  .refine((o) => o.occurrence === undefined || (o.occurrence !== 0 && Math.abs(o.occurrence) <= 5), {
    message: 'occurrence must be -5..5 and not 0',
  });

const ScheduleWire = z.looseObject({
  minutes: listOf(intIn(0, 59)).optional(),
  hours: listOf(intIn(0, 23)).optional(),
  weekDays: listOf(caseless(WEEK_DAYS, 'weekDay')).optional(),
  months: listOf(intIn(1, 12)).optional(),
  monthDays: listOf(intIn(-31, 31).refine((d) => d !== 0, 'monthDays cannot hold 0')).optional(),
  monthlyOccurrences: listOf(OccurrenceWire).optional(),
});

const RecurrenceWire = z.looseObject({
  frequency: caseless([...FREQUENCIES, 'second'] as const, 'frequency'),
  interval: z.number().int().min(1).optional(),
  count: z.number().int().min(1).optional(),
  endTime: instant.optional(),
  schedule: ScheduleWire.nullable().optional(),
});

export const JobWire = z.looseObject({
  id: text.optional(),
  startTime: instant.nullable().optional(),
  action: ActionWire,
  recurrence: RecurrenceWire.nullable().optional(),
  state: caseless(JOB_STATES, 'state').optional(),
  status: z.unknown().optional(),
});
export type JobWire = z.infer<typeof JobWire>;

/** The collection-wide PATCH body (docs/classic-scheduler.md#c6). */
export const CollectionStateWire = z.looseObject({
  state: caseless(['enabled', 'disabled'] as const, 'state'),
});
