import { z } from 'zod';
import { JOB_STATES } from '../../../import-export/model/model';
import { lazySchema } from './common.schema';

/**
 * The query parameters of the operations that read some, in their wire forms, for the OpenAPI
 * document, built on first use. The operations parse them by hand (list-jobs-query.ts
 * and the operation modules), since their errors name the parameter (docs/contract/import-export.md#a4).
 */
const top = () =>
  z.int().min(1).max(1000).optional().describe('At most this many results in all (1 to 1000).');
const skipToken = () =>
  z
    .string()
    .optional()
    .describe('Opaque: the continuation that a next link carries. A tampered or foreign token is 400.');

/** List Jobs (docs/contract/import-export.md#a10). */
export const listJobsQuerySchema = lazySchema(() =>
  z.object({
    type: z
      .string()
      .optional()
      .meta({ description: 'import or export (case-insensitive).', examples: ['import'] }),
    from: z
      .string()
      .optional()
      .meta({
        description:
          'Jobs created at or after this UTC date-time (ISO 8601; without an offset, UTC), e.g. 2014-05-01T00:00:00.0000000Z.',
        examples: ['2014-05-01T00:00:00.0000000Z'],
      }),
    to: z.string().optional().meta({ description: 'Jobs created at or before this date-time, as `from`.' }),
    states: z
      .string()
      .optional()
      .meta({
        description: `Comma-separated job states, case-sensitive: ${JOB_STATES.join(', ')}.`,
        examples: ['Creating,Shipping'],
      }),
    $top: top(),
    $skiptoken: skipToken(),
  }),
);

/** List Locations (docs/contract/import-export.md#a11). */
export const listLocationsQuerySchema = lazySchema(() =>
  z.object({
    originlocation: z
      .string()
      .optional()
      .meta({
        description:
          'A storage region (case-insensitive): only the location serving it, or none. Empty: no filter.',
        examples: ['West US 2'],
      }),
  }),
);

/** GET /operator/jobs (docs/contract/import-export.md#b). */
export const worklistQuerySchema = lazySchema(() =>
  z.object({
    state: z
      .string()
      .optional()
      .meta({
        description: `Comma-separated job states (${JOB_STATES.join(', ')}): exactly the jobs in those states. Without it: Shipping to Packaging, Faulted, and jobs with alerts.`,
      }),
    $top: top(),
    $skiptoken: skipToken(),
  }),
);
