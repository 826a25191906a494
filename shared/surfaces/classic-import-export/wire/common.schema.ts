import { z } from 'zod';
import type { ClassicCode as ErrorCode } from '../errors';

/**
 * A refinement whose failure carries its own contract code (docs/contract/import-export.md#a4). Issues without one are
 * reported as InvalidRequestBody; see body-issues.ts.
 */
export const coded = (code: ErrorCode, message: string) => ({ message, params: { code } });

/** Accepts `import`/`EXPORT`/... and yields the capitalised form the service stores (docs/contract/import-export.md#a5). */
export const JobTypeInput = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['import', 'export'], { message: 'Type must be Import or Export.' }))
  .transform((t) => (t === 'import' ? 'Import' : 'Export'));

/**
 * A schema built on its first use. The wire schemas of answers are read by the OpenAPI document
 * only, so they stay out of cold start (building a few hundred zod schemas costs milliseconds).
 */
export const lazySchema = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};
