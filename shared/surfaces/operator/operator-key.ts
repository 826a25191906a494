import { IdentityError } from '../../identity/errors';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * The operator API's key check (docs/contract/import-export.md#b): the presented key against every configured key, in
 * constant time (both sides hashed to equal length first), so rotation can keep two keys live.
 */
export function checkOperatorKey(keys: readonly string[], presented: string | null): void {
  if (keys.length === 0) {
    throw new IdentityError(
      'AuthenticationFailed',
      'The operator API is disabled: the app setting OPERATOR_KEYS is not set.',
    );
  }
  const given = digest(presented ?? '');
  let ok = false;
  for (const key of keys) ok = timingSafeEqual(digest(key), given) || ok;
  if (!ok || presented === null) {
    throw new IdentityError(
      'AuthenticationFailed',
      'The x-operator-key header is missing or is not a valid operator key.',
    );
  }
}
