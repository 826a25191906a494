/**
 * Cold start loads no surface (issue 15): registering the route table loads neither a surface's
 * operations nor the OpenAPI generator (issue 7), nor the Scheduler's, the operator API's and
 * Resource Manager's parts of the runtime; each loads on the first call of one of its routes.
 * Requiring any of them here throws, so loading the route table proves it.
 */
jest.mock('../../shared/surfaces/openapi/openapi-document', () => {
  throw new Error('the OpenAPI generator was loaded at cold start');
});
jest.mock('../../shared/surfaces/openapi/routes', () => {
  throw new Error('the OpenAPI surface was loaded at cold start');
});
jest.mock('../../shared/surfaces/classic-import-export/wire/parameters.schema', () => {
  throw new Error('the parameter schemas was loaded at cold start');
});
jest.mock('../../shared/surfaces/classic-import-export/routes', () => {
  throw new Error('the classic surface was loaded at cold start');
});
jest.mock('../../shared/surfaces/operator/routes', () => {
  throw new Error('the operator surface was loaded at cold start');
});
jest.mock('../../shared/surfaces/arm-import-export/routes', () => {
  throw new Error('the ARM surface was loaded at cold start');
});
jest.mock('../../shared/surfaces/classic-scheduler/routes', () => {
  throw new Error('the Scheduler surface was loaded at cold start');
});
jest.mock('../../shared/app/scheduler-runtime', () => {
  throw new Error("the Scheduler's runtime was loaded at cold start");
});
jest.mock('../../shared/app/arm-runtime', () => {
  throw new Error("Resource Manager's runtime was loaded at cold start");
});
jest.mock('../../shared/app/datacenter-runtime', () => {
  throw new Error("the operator API's runtime was loaded at cold start");
});
jest.mock('jose', () => {
  throw new Error('jose was loaded at cold start');
});

import { z } from 'zod';
import { loadRoutes } from '../../local-host/quiet-import';

it('registers every function, /openapi.json included, without loading any surface', async () => {
  const routes = await loadRoutes();
  expect(routes.map((r) => r.name)).toEqual(
    expect.arrayContaining(['job', 'openapi', 'arm-job', 'scheduler-job']),
  );
  const named = [...z.globalRegistry._idmap.keys()];
  expect(
    named.filter((id) =>
      ['PutJobBody', 'Job', 'JobList', 'OperatorJob', 'ODataError', 'Location'].includes(id),
    ),
  ).toEqual([]);
});

it('the guard itself works: requiring a surface fails here', async () => {
  await expect(import('../../shared/surfaces/openapi/openapi-document')).rejects.toThrow(
    'loaded at cold start',
  );
  await expect(import('../../shared/surfaces/classic-scheduler/routes')).rejects.toThrow(
    'loaded at cold start',
  );
});
