import type { z } from 'zod';

/** A zod failure as one readable sentence naming the JSON path. */
export function zodMessage(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid value'}`;
}
