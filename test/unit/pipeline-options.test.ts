import { HttpRequest, InvocationContext } from '@azure/functions';
import { readBody } from '../../shared/edge/body';
import { EdgeError } from '../../shared/edge/errors';
import type { SurfaceSpec } from '../../shared/edge/pipeline';
import { pipeline } from '../../shared/edge/pipeline';
import { effectiveVerb, ownVerb } from '../../shared/edge/request-info';

const req = (method: string, headers: Record<string, string> = {}, body?: string) =>
  new HttpRequest({
    method,
    url: 'http://localhost:7071/x',
    headers,
    ...(body !== undefined && { body: { string: body } }),
  });
const context = new InvocationContext();

/** A surface that answers with what it saw, or with the code of its failure. */
function surface(extra: Partial<SurfaceSpec<object, { seen: string[] }, string>>) {
  const seen: string[] = [];
  const api = pipeline<object, { seen: string[] }, string>({
    surface: 'scheduler',
    deps: () => ({}),
    steps: [() => void seen.push('step')],
    request: (x) => x.verb,
    render: (reply) => ({ status: reply.status, body: String(reply.json) }),
    renderError: (err) => ({ status: 400, body: err instanceof EdgeError ? err.code : String(err) }),
    ...extra,
  });
  const handler = api({
    PUT: { summary: 's', success: { status: 200 }, run: (v) => Promise.resolve({ status: 200, json: v }) },
  });
  return { seen, handler };
}

describe('the one pipeline: options a surface may set (docs/architecture.md, One pipeline)', () => {
  it('runs the before steps ahead of the verb, so their failure wins over a verb no operation serves', async () => {
    const { seen, handler } = surface({
      before: [
        () => {
          seen.push('before');
          throw new Error('route refused');
        },
      ],
    });
    const res = await handler(req('DELETE'), context);
    expect(res.body).toBe('Error: route refused');
    expect(seen).toEqual(['before']);
  });

  it('by default tunnels X-HTTP-Method; with ownVerb the method is its own verb', async () => {
    const tunnelling = surface({});
    expect((await tunnelling.handler(req('POST', { 'x-http-method': 'PUT' }), context)).body).toBe('PUT');
    const own = surface({ verb: ownVerb });
    expect((await own.handler(req('POST', { 'x-http-method': 'PUT' }), context)).body).toBe(
      'MethodNotAllowed',
    );
    expect(own.seen).toEqual([]);
    expect(() => ownVerb(req('MERGE'))).toThrow(EdgeError);
    expect(effectiveVerb(req('MERGE'))).toBe('PATCH');
  });

  it('reads a body up to the limit it is given, and names that limit when refusing', async () => {
    expect((await readBody(req('PUT', {}, 'x'.repeat(1024)), 1024)).length).toBe(1024);
    await expect(readBody(req('PUT', {}, 'x'.repeat(1025)), 1024)).rejects.toThrow(
      'The request body is larger than 1 KiB.',
    );
    await expect(
      readBody(req('PUT', { 'content-length': String(64 * 1024 + 1) }), 64 * 1024),
    ).rejects.toThrow('The request body is larger than 64 KiB.');
    await expect(readBody(req('PUT', { 'content-length': String(2 * 1024 * 1024) }))).rejects.toThrow(
      'The request body is larger than 1 MiB.',
    );
  });
});
