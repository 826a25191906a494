/**
 * Cold start must not build or load the OpenAPI generator (issue 7): GET /openapi.json loads it on
 * its first call. Requiring the generator or its parameter schemas here throws, so loading the
 * route table proves it; and the wire schemas of answers are not built until the document is.
 */
jest.mock('../../shared/surfaces/openapi/openapi-document', () => {
  throw new Error('the OpenAPI generator was loaded at cold start');
});
jest.mock('../../shared/surfaces/classic-import-export/wire/parameters.schema', () => {
  throw new Error('the OpenAPI parameter schemas were loaded at cold start');
});

import { z } from 'zod';
import { loadRoutes } from '../../local-host/quiet-import';

it('loads every function, /openapi.json included, without loading the OpenAPI generator', async () => {
  const routes = await loadRoutes();
  expect(routes.map((r) => r.name)).toContain('openapi');
  const named = [...z.globalRegistry._idmap.keys()];
  expect(named).toContain('PutJobBody'); // request bodies are built: the pipeline parses with them
  expect(
    named.filter((id) => ['Job', 'JobList', 'OperatorJob', 'ODataError', 'Location'].includes(id)),
  ).toEqual([]);
});

it('the guard itself works: requiring the generator fails here', async () => {
  await expect(import('../../shared/surfaces/openapi/openapi-document')).rejects.toThrow(
    'loaded at cold start',
  );
});
