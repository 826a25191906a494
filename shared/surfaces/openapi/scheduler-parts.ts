import { z } from 'zod';
import type { SchedulerWireCode } from '../classic-scheduler/error-map';

/**
 * What the classic Scheduler's operations share in the OpenAPI document: its path parameters, its
 * x-ms-version rule, the headers of its answers and the codes its pipeline answers on any
 * operation (docs/classic-scheduler.md#a1-#a5). Its components are named under `scheduler.`, apart
 * from the classic Import/Export's of the same names.
 */
export const SCOPE = 'scheduler';

export const SchedulerPathSchema = z.object({
  sub: z.string().min(1).meta({ description: 'The subscription id (not format-checked).' }),
  cs: z.string().min(1).meta({ description: 'A cloud service name.' }),
  jc: z.string().min(1).meta({ description: 'A job collection name.' }),
  job: z.string().min(1).meta({ description: 'A job id: letters, digits, `-` and `_`, at most 64.' }),
  id: z.string().min(1).meta({ description: "An asynchronous operation's id: its x-ms-request-id." }),
});

export const SchedulerHeadersSchema = z.object({
  'x-ms-version': z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .meta({ description: 'Any date from 2013-03-01 on; the Node clients send 2013-03-01.' }),
});

export const SchedulerResponseHeadersSchema = z.object({
  Pragma: z.literal('no-cache'),
  Expires: z.literal('-1'),
  ETag: z.string().min(1).meta({ description: "The job collection's version, for If-Match." }),
});

export const isSchedulerPathParam = (name: string): boolean => name in SchedulerPathSchema.shape;

/** What any Scheduler operation may answer, in the `<Error>` body (docs/classic-scheduler.md#a5, #a7). */
export const SCHEDULER_PIPELINE_ERRORS: readonly SchedulerWireCode[] = [
  'MissingOrIncorrectVersionHeader',
  'InvalidHttpVerb',
  'BadRequest',
  'ForbiddenError',
  'ResourceNotFound',
  'InternalError',
  'ServerBusy',
];
