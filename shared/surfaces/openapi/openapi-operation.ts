import type { HttpRoute } from '../../edge/routes';
import { openApiDocumentSchema } from '../classic-import-export/wire/service-wire.schema';
import { JsonBytes, serialize } from '../classic-import-export/odata';
import { publicOp } from './pipeline';

/**
 * GET /openapi.json: the OpenAPI 3.1 document of the route table. The generator and the route
 * table are loaded on the first call, not at cold start, and the document is built and serialized
 * once per process.
 */
export const openApiOperation = (routeTable: () => Promise<readonly HttpRoute[]>) => {
  let document: Promise<JsonBytes> | undefined;
  const build = async () => {
    const [{ openApiDocument }, routes] = await Promise.all([import('./openapi-document'), routeTable()]);
    return new JsonBytes(Buffer.from(serialize(openApiDocument(routes)), 'utf8'));
  };
  return publicOp({
    summary: 'The OpenAPI document of this service',
    description:
      'The customer and operator APIs as OpenAPI 3.1, generated from the route table and its zod schemas; the same as docs/openapi.json. Public: it holds no secret.',
    success: { status: 200, body: openApiDocumentSchema },
    async run() {
      document ??= build();
      // A failed build is not kept: the next call tries again.
      document.catch(() => (document = undefined));
      return { status: 200, json: await document };
    },
  });
};
