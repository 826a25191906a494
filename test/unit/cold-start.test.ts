/**
 * Cold start must not load the Azure storage SDKs (STYLE, docs/contract/import-export.md#b2): they load on the first storage
 * call. Requiring either here throws, so loading the route table and building the runtime prove it.
 */
jest.mock('@azure/storage-blob', () => {
  throw new Error('@azure/storage-blob was loaded at cold start');
});
jest.mock('@azure/data-tables', () => {
  throw new Error('@azure/data-tables was loaded at cold start');
});

import { testRuntime } from '../support/runtime';

it('loads every function and builds the runtime without loading the storage SDKs', async () => {
  const { routes } = await import('../../functions');
  expect(routes.map((r) => r.name)).toContain('operator-drive-complete');
  const rt = testRuntime();
  expect(rt.datacenter.customer).toBeDefined();
});

it('the guard itself works: requiring the blob SDK fails here', async () => {
  await expect(import('@azure/storage-blob')).rejects.toThrow('loaded at cold start');
});
