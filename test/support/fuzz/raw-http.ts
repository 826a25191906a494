import { Agent, request } from 'node:http';

/**
 * A request as the fuzzer generates it: any verb the route table registers, a path already
 * percent-encoded (query included), headers where `null` removes a default, and a body of any
 * bytes, on any verb (a GET or DELETE with a body is one of the defects).
 */
export interface FuzzRequest {
  /** What the generator broke, for failure messages. */
  defect: string;
  method: string;
  path: string;
  headers: Record<string, string | null>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends a request as it is (node:http, not fetch, which would refuse a GET body or a Content-Length). */
export function send(origin: string, r: FuzzRequest, defaults: Record<string, string>): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...defaults, ...r.headers }))
    if (value !== null) headers[name.toLowerCase()] = value;
  const body = r.body === undefined ? undefined : Buffer.from(r.body);
  if (body !== undefined) headers['content-length'] ??= String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${r.path}`, { method: r.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(
            Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
          ),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A readable one-line description of a request, its body cut short. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.body === undefined ? '' : Buffer.from(r.body).toString('utf8');
  const shown = body.length > 300 ? `${body.slice(0, 300)}... (${body.length} chars)` : body;
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `${k}: ${v === null ? '(removed)' : v.length > 80 ? `${v.slice(0, 80)}...` : v}`)
    .join('; ');
  return `[${r.defect}] ${r.method} ${r.path.length > 300 ? `${r.path.slice(0, 300)}...` : r.path} {${headers}} ${shown}`;
}
