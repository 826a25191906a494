import { z } from 'zod';
import type { ErrorCode } from '../domain/errors';

/**
 * A refinement whose failure carries its own contract code (SPEC A.4). Issues without one are
 * reported as InvalidRequestBody; see body-issues.ts.
 */
export const coded = (code: ErrorCode, message: string) => ({ message, params: { code } });

/** Accepts `import`/`EXPORT`/... and yields the capitalised form the service stores (SPEC A.5). */
export const JobTypeInput = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['import', 'export'], { message: 'Type must be Import or Export.' }))
  .transform((t) => (t === 'import' ? 'Import' : 'Export'));
