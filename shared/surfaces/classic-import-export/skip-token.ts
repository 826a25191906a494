import { EdgeError } from '../../edge/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ListPosition } from '../../import-export/customer/list-jobs';

/**
 * List Jobs continuation tokens (docs/contract/import-export.md#a10): opaque to clients, and tamper-proof. A token is its
 * state and an HMAC-SHA256 of it, keyed by the runtime's token key; the state binds the
 * subscription, the storage account, the filters and `$top` of the listing it continues, so a
 * token is worthless on any other listing.
 */
export interface TokenScope {
  subscriptionId: string;
  storageAccountName: string;
  /** A canonical form of the filters and `$top`, see list-jobs-query.ts. */
  query: string;
}

const StateSchema = z.strictObject({
  v: z.literal(1),
  s: z.string(),
  a: z.string(),
  q: z.string(),
  after: z.string().min(1),
  n: z.number().int().min(0),
});

const mac = (key: Buffer, payload: string): Buffer => createHmac('sha256', key).update(payload).digest();

export function signSkipToken(key: Buffer, scope: TokenScope, position: ListPosition): string {
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      s: scope.subscriptionId,
      a: scope.storageAccountName,
      q: scope.query,
      after: position.after,
      n: position.returned,
    }),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

const invalid = () =>
  new EdgeError(
    'InvalidQueryParameterValue',
    'The $skiptoken is not one this listing issued; start again without it.',
    '$skiptoken',
  );

/** The position a token resumes from, or 400 when it was altered or belongs to another listing. */
export function openSkipToken(key: Buffer, scope: TokenScope, token: string): ListPosition {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) throw invalid();
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let state: z.infer<typeof StateSchema>;
  try {
    state = StateSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw invalid();
  }
  if (state.s !== scope.subscriptionId || state.a !== scope.storageAccountName || state.q !== scope.query) {
    throw invalid();
  }
  return { after: state.after, returned: state.n };
}
