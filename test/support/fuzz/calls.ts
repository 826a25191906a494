import fc from 'fast-check';
import type { FuzzRequest } from './raw-http';
import { headerText, wellFormed } from './values';

export type Verb = 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

/**
 * A call before the fuzzer breaks it: what is sent (`method`, headers, body) and what the service
 * makes of it (`verb` after tunnelling, whether the operation reads a body or conditional headers).
 */
export interface Call {
  method: string;
  verb: Verb;
  path: string;
  query: readonly (readonly [string, string])[];
  headers: Readonly<Record<string, string | null>>;
  body?: string | Buffer;
  takesBody: boolean;
  conditional: boolean;
  representation: 'json' | 'xml';
}

/** The verbs of the route table (shared/edge/routes.ts ALL_METHODS): nothing else reaches a function. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'MERGE', 'OPTIONS'] as const;

export function toRequest(call: Call, defect: string): FuzzRequest {
  const query = call.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(wellFormed(v))}`);
  return {
    defect,
    method: call.method,
    path: `${call.path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
    headers: { ...call.headers },
    ...(call.body !== undefined && { body: call.body }),
  };
}

const TUNNELS = { PUT: ['PUT', 'put'], PATCH: ['PATCH', 'MERGE', 'merge', 'Patch'], DELETE: ['DELETE'] };

/** The same call through verb tunnelling (docs/contract/import-export.md#a1): POST (or GET, for a bodiless DELETE) with X-HTTP-Method. */
export const maybeTunnelled = (call: Call): fc.Arbitrary<Call> => {
  if (call.verb !== 'PUT' && call.verb !== 'PATCH' && call.verb !== 'DELETE') return fc.constant(call);
  const hosts = call.verb === 'DELETE' && call.body === undefined ? ['POST', 'GET'] : ['POST'];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(call) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...hosts), fc.constantFrom(...TUNNELS[call.verb]))
        .map(([method, tunnel]) => ({
          ...call,
          method,
          headers: { ...call.headers, 'x-http-method': tunnel },
        })),
    },
  );
};

/** A header value that is not `allowed` once trimmed (the HTTP parser trims header values), case-insensitively. */
const headerValueOtherThan = (...allowed: string[]) =>
  headerText().filter((v) => !allowed.includes(v.trim().toLowerCase()));

const BAD_TYPES = ['text/plain', 'application/xml', 'text/json', 'application/jsonp', 'multipart/form-data'];

/**
 * Header defects every operation of both APIs refuses (docs/contract/import-export.md#a1, #a2): a Content-Encoding other
 * than identity; a Content-Length on a GET, HEAD or DELETE; a body that is not application/json;
 * an X-HTTP-Method that is no tunnel, or a tunnel on a verb other than GET and POST.
 */
export function commonHeaderDefects(call: Call): fc.Arbitrary<FuzzRequest>[] {
  const out: fc.Arbitrary<FuzzRequest>[] = [
    fc
      .oneof(
        fc.constantFrom('gzip', 'deflate', 'br', 'identity, gzip', 'compress'),
        headerValueOtherThan('identity'),
      )
      .map((v) =>
        toRequest({ ...call, headers: { ...call.headers, 'content-encoding': v } }, `Content-Encoding ${v}`),
      ),
  ];
  if (call.verb === 'GET' || call.verb === 'HEAD' || call.verb === 'DELETE')
    out.push(
      fc
        .string({ minLength: 1, maxLength: 64 })
        .map((body) =>
          toRequest({ ...call, body }, `a ${call.verb} with a body of ${Buffer.byteLength(body)} bytes`),
        ),
    );
  if (call.takesBody)
    out.push(
      fc
        .oneof(
          fc.constantFrom(...BAD_TYPES),
          fc.stringMatching(/^[a-z]{1,10}\/[a-z+.-]{1,12}$/).filter((t) => t !== 'application/json'),
        )
        .map((t) =>
          toRequest({ ...call, headers: { ...call.headers, 'content-type': t } }, `Content-Type ${t}`),
        ),
    );
  if (call.method === 'GET' || call.method === 'POST')
    out.push(
      headerValueOtherThan('put', 'patch', 'merge', 'delete').map((v) =>
        toRequest({ ...call, headers: { ...call.headers, 'x-http-method': v } }, `X-HTTP-Method ${v}`),
      ),
    );
  else
    out.push(
      fc
        .constantFrom('PUT', 'PATCH', 'MERGE', 'DELETE')
        .map((v) =>
          toRequest(
            { ...call, headers: { ...call.headers, 'x-http-method': v } },
            `X-HTTP-Method ${v} on ${call.method}`,
          ),
        ),
    );
  return out;
}

/** Headers that mean nothing to the service, so that defects do not always come alone. */
export const noise = fc.dictionary(
  fc.stringMatching(/^x-fuzz-[a-z]{1,8}$/),
  headerText(30).map((v) => v.trim()),
  { maxKeys: 2 },
);
