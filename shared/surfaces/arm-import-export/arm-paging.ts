import { createHmac, timingSafeEqual } from 'node:crypto';
import { ArmError } from './arm-errors';

/**
 * `$skiptoken` (docs/arm-import-export.md#c7): the position of the last item (creation time and
 * name) and the count so far, HMAC-bound to the listing it came from.
 */
export interface PagePosition {
  after: string;
  returned: number;
}

const invalid = () =>
  new ArmError('InvalidQueryParameterValue', 'The $skiptoken is not one this listing issued.', '$skiptoken');

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');

export function encodeSkipToken(key: Buffer, binding: string, pos: PagePosition): string {
  const body = Buffer.from(JSON.stringify({ a: pos.after, n: pos.returned })).toString('base64url');
  return `${body}.${mac(key, `${binding}\n${body}`)}`;
}

export function decodeSkipToken(key: Buffer, binding: string, token: string): PagePosition {
  const [body = '', sig = ''] = token.split('.');
  const expected = Buffer.from(mac(key, `${binding}\n${body}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      a?: unknown;
      n?: unknown;
    };
    if (typeof parsed.a !== 'string' || typeof parsed.n !== 'number') throw invalid();
    return { after: parsed.a, returned: parsed.n };
  } catch {
    throw invalid();
  }
}

/** `$top`: 1 to 100, capping the whole result. */
export function parseTop(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
    throw new ArmError(
      'InvalidQueryParameterValue',
      `$top must be a whole number from 1 to 100, not '${raw}'.`,
      '$top',
    );
  }
  return Number(raw);
}
