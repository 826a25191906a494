import { EdgeError } from './errors';
import { randomUUID } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';

/** docs/contract/import-export.md#a2: 32 lower-case hex characters, unique per request. */
export const newRequestId = (): string => randomUUID().replace(/-/g, '');

/**
 * The verbs the pipeline dispatches on. OPTIONS is routed (edge/routes.ts), so that it gets
 * the contract's 405 rather than the host's page, but no operation serves it.
 */
export type Verb = 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE' | 'POST' | 'OPTIONS';
const VERBS: readonly Verb[] = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS'];

const TUNNELLED: Record<string, Verb> = { PUT: 'PUT', PATCH: 'PATCH', MERGE: 'PATCH', DELETE: 'DELETE' };

/**
 * docs/contract/import-export.md#a1: a GET or POST with X-HTTP-Method is processed as that verb; MERGE is PATCH. A GET
 * cannot carry the body a PUT or PATCH needs on Azure Functions (the worker drops GET bodies), so
 * those tunnel through POST in practice.
 */
export function effectiveVerb(request: HttpRequest): Verb {
  const method = request.method.toUpperCase();
  const tunnel = request.headers.get('x-http-method');
  if (tunnel !== null) {
    const verb = TUNNELLED[tunnel.trim().toUpperCase()];
    if (!verb || (method !== 'GET' && method !== 'POST')) {
      throw new EdgeError(
        'InvalidHttpVerb',
        'X-HTTP-Method must be PUT, PATCH, MERGE or DELETE, on a GET or POST request.',
        `${method} with X-HTTP-Method: ${tunnel}`,
      );
    }
    return verb;
  }
  if (method === 'MERGE') return 'PATCH';
  return ownVerb(request);
}

/**
 * The method as its own verb, never taken for another (an OPTIONS is not a POST): for surfaces
 * without tunnelling, such as the classic Scheduler.
 */
export function ownVerb(request: HttpRequest): Verb {
  const method = request.method.toUpperCase();
  const verb = VERBS.find((v) => v === method);
  if (!verb) throw new EdgeError('MethodNotAllowed', `The ${method} method is not supported.`, method);
  return verb;
}

/** docs/contract/import-export.md#a2: the rules on Content-Length, Content-Encoding and Content-Type. */
export function checkContentHeaders(verb: Verb, request: HttpRequest, takesBody: boolean): void {
  const length = request.headers.get('content-length');
  if ((verb === 'GET' || verb === 'HEAD' || verb === 'DELETE') && length !== null && length.trim() !== '0') {
    throw new EdgeError(
      'InvalidHeaderValue',
      `A ${verb} request has no body: Content-Length must be 0 when given.`,
      `Content-Length: ${length}`,
    );
  }
  const encoding = request.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    throw new EdgeError(
      'InvalidHeaderValue',
      'Content-Encoding must be identity when given.',
      `Content-Encoding: ${encoding}`,
    );
  }
  const type = request.headers.get('content-type');
  if (takesBody && type !== null && type.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new EdgeError(
      'UnsupportedMediaType',
      'Request bodies are application/json.',
      `Content-Type: ${type}`,
    );
  }
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Scheme and host as the client addressed the service (docs/contract/import-export.md#a3): those of
 * the request, or of X-Forwarded-Proto/-Host set by a front end (a malformed host is ignored).
 */
export function originOf(url: string, headers: { get(name: string): string | null }): string {
  const u = new URL(url);
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const scheme = proto === 'http' || proto === 'https' ? proto : u.protocol.slice(0, -1);
  return `${scheme}://${host && HOST.test(host) ? host : u.host}`;
}
