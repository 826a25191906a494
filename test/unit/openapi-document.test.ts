import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';
import { CLASSIC_CODES as ERROR_CODES } from '../../shared/surfaces/classic-import-export/errors';
import { customerApi } from '../../shared/surfaces/classic-import-export/pipeline';
import { operatorApi } from '../../shared/surfaces/operator/pipeline';
import { runtime } from '../../shared/app/runtime';
import type { HttpRoute } from '../../shared/edge/routes';
import { apiOf, httpRoute } from '../../shared/edge/routes';
import { isCatchAll, openApiDocument, openApiText } from '../../shared/surfaces/openapi/openapi-document';
import { templateParams, VERBS } from '../../shared/surfaces/openapi/path-item';
import { loadRoutes } from '../../local-host/quiet-import';
import { OpenApiContract, validateOpenApi } from '../support/openapi-contract';
import { samplePutJob } from '../support/samples';
import { ROUTE_TABLES } from '../../shared/app/routes';
import type { SchedulerWireCode } from '../../shared/surfaces/classic-scheduler/error-map';

const SCHEDULER_PATHS = new Set(ROUTE_TABLES['classic-scheduler'].map((r) => `/${r.route}`));
const ARM_PATHS = new Set(
  ROUTE_TABLES['arm-import-export'].filter((r) => !r.name.startsWith('arm-az-')).map((r) => `/${r.route}`),
);
const AZ_SHIM_PATHS = new Set(
  ROUTE_TABLES['arm-import-export'].filter((r) => r.name.startsWith('arm-az-')).map((r) => `/${r.route}`),
);

/** The OpenAPI document (issue 7): generated from the route table, committed, valid, complete. */
let routes: readonly HttpRoute[];
let doc: any;
beforeAll(async () => {
  await loadRoutes();
  routes = await (await import('../../functions')).loadedRoutes();
  doc = openApiDocument(routes);
});

const METHODS = ['get', 'head', 'put', 'patch', 'delete', 'post', 'options', 'trace'];
const operations = () =>
  Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] })),
  );

/** A route's verbs, plus the POST through which a customer route tunnels PUT, PATCH and DELETE. */
function expectedMethods(route: HttpRoute): string[] {
  const api = apiOf(route)!;
  const verbs = VERBS.filter((v) => api.operations[v] !== undefined);
  const tunnels = api.surface === 'customer' && verbs.some((v) => ['PUT', 'PATCH', 'DELETE'].includes(v));
  return [
    ...verbs.map((v) => v.toLowerCase()),
    ...(tunnels && !verbs.includes('POST') ? ['post'] : []),
  ].sort();
}

it('docs/openapi.json is what the code generates (run `npm run openapi` after changing the API)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8');
  expect(committed === openApiText(doc) ? 'up to date' : 'stale: run npm run openapi').toBe('up to date');
  expect(JSON.parse(committed)).toEqual(doc);
});

it('is a valid OpenAPI 3.1 document', () => {
  expect(validateOpenApi(doc)).toEqual({ valid: true, version: '3.1' });
});

it('the validator itself rejects a broken document', () => {
  const broken = structuredClone(doc);
  broken.paths['/openapi.json'].get.responses['200'].content['application/json'].schema.$ref =
    '#/components/schemas/Nothing';
  expect(validateOpenApi(broken).valid).toBe(false);
});

it('has every route of the route table but the catch-all, with exactly the verbs it serves', () => {
  const described = routes.filter((r) => !isCatchAll(r));
  expect(Object.keys(doc.paths)).toEqual(described.map((r) => `/${r.route}`));
  for (const route of described) {
    const item = doc.paths[`/${route.route}`];
    expect([route.name, METHODS.filter((m) => item[m]).sort()]).toEqual([route.name, expectedMethods(route)]);
    expect([route.name, (item.parameters ?? []).map((p: any) => p.$ref.split('.').pop())]).toEqual([
      route.name,
      templateParams(route.route),
    ]);
  }
  expect(routes.filter(isCatchAll).map((r) => r.name)).toEqual([
    'arm-not-found-subscriptions',
    'arm-not-found-providers',
    'scheduler-not-found',
    'not-found',
  ]);
});

const op = (body?: z.ZodType) => ({
  summary: 'An operation',
  success: { status: 200, ...(body && { body: () => body }) },
  run: () => Promise.resolve({ status: 200 }),
});

it('refuses to describe a route that carries no operations, or a path parameter it does not know', () => {
  const bare = httpRoute('bare', 'operator/bare', () => ({ status: 200 }));
  expect(() => openApiDocument([...routes, bare])).toThrow('route bare has no operations');
  const odd = httpRoute('odd', 'operator/odd/{oddity}', operatorApi(runtime)({ GET: op() }));
  expect(() => openApiDocument([odd])).toThrow('{oddity} is not described');
  expect(() =>
    openApiDocument([httpRoute('fine', 'operator/fine', operatorApi(runtime)({ GET: op() }))]),
  ).not.toThrow();
});

it('refuses a body schema without a name, or two schemas under one name', () => {
  const route = (body: z.ZodType) =>
    httpRoute('x', '{sub}/services/importexport/x', customerApi(runtime)({ GET: op(body) }));
  expect(() => openApiDocument([route(z.object({ a: z.string() }))])).toThrow(
    'response body schema has no id',
  );
  const twins = [1, 2].map((n) => route(z.object({ n: z.literal(n) }).meta({ id: 'Twin' })));
  expect(() => openApiDocument(twins.map((r, i) => ({ ...r, route: `${r.route}${i}` })))).toThrow(
    'two schemas are named Twin',
  );
});

it('gives every operation a unique id, a summary, its API tag and its security', () => {
  const ids = operations().map((o) => o.op.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  const certificate = [{ managementCertificate: [] }, { forwardedClientCertificate: [] }];
  for (const { path, op } of operations()) {
    expect(op.summary).toEqual(expect.any(String));
    const [tag, security] = path.startsWith('/operator/')
      ? ['Operator API', [{ operatorKey: [] }]]
      : path === '/openapi.json'
        ? ['Service description', []]
        : SCHEDULER_PATHS.has(path)
          ? ['Classic Scheduler', certificate]
          : ARM_PATHS.has(path)
            ? ['Resource Manager', [{ armBearer: [] }]]
            : AZ_SHIM_PATHS.has(path)
              ? ['az login shim', [{ armBearer: [] }]]
              : ['Customer API', certificate];
    expect([path, op.tags, op.security]).toEqual([path, [tag], security]);
  }
  expect(Object.keys(doc.components.securitySchemes)).toEqual([
    'managementCertificate',
    'forwardedClientCertificate',
    'armBearer',
    'operatorKey',
  ]);
  expect(doc.components.securitySchemes.managementCertificate.type).toBe('mutualTLS');
});

it('documents every ExtendedCode of the catalogue on some operation, and 500 on every one', () => {
  const described = operations()
    .flatMap(({ op }) => Object.values<any>(op.responses))
    .map((r) => String(r.description))
    .join(' ');
  expect(ERROR_CODES.filter((code) => !new RegExp(`\\b${code}\\b`).test(described))).toEqual([]);
  for (const { path, method, op } of operations())
    expect([path, method, op.responses['500']?.$ref]).toEqual([path, method, expect.any(String)]);
});

it('documents every Scheduler <Code> on some operation, each under the status it is answered with', () => {
  const described = operations()
    .filter(({ path }) => SCHEDULER_PATHS.has(path))
    .flatMap(({ op }) => Object.entries<any>(op.responses))
    .map(([status, r]) => `${status} ${String(r.description)}`);
  const codes: [SchedulerWireCode, number][] = [
    ['MissingOrIncorrectVersionHeader', 400],
    ['InvalidXmlRequest', 400],
    ['MissingOrInvalidRequiredQueryParameter', 400],
    ['InvalidHttpVerb', 400],
    ['BadRequest', 400],
    ['ForbiddenError', 403],
    ['ResourceNotFound', 404],
    ['ConflictError', 409],
    ['PreconditionFailed', 412],
    ['InternalError', 500],
    ['ServerBusy', 503],
  ];
  for (const [code, status] of codes)
    expect([code, described.some((d) => new RegExp(`^${status} .*Code: .*\\b${code}\\b`).test(d))]).toEqual([
      code,
      true,
    ]);
  const busy = doc.paths['/{sub}/CloudServices'].get.responses['503'];
  expect(busy.$ref).toBe('#/components/responses/SchedulerUnavailable');
  expect(Object.keys(doc.components.responses.SchedulerUnavailable.headers)).toContain('Retry-After');
  expect(Object.keys(doc.components.responses.SchedulerError.content)).toEqual(['application/xml']);
});

it('describes Resource Manager: api-version on every operation, 401 with its challenge, 403 where a permission is needed, the ARM error body', () => {
  const refs = (op: any) => (op.parameters ?? []).map((p: any) => p.$ref?.split('/').pop() ?? p.name);
  const arm = operations().filter(({ path }) => ARM_PATHS.has(path));
  expect(arm.length).toBe(10);
  for (const { path, method, op } of arm) {
    expect([path, method, refs(op)]).toEqual([
      path,
      method,
      expect.arrayContaining(['query.arm.api-version']),
    ]);
    expect([path, method, op.responses['401']?.$ref]).toEqual([
      path,
      method,
      '#/components/responses/ArmUnauthorized',
    ]);
    const needsPermission =
      !path.includes('/providers/Microsoft.ImportExport/') || path.startsWith('/subscriptions');
    expect([path, method, /AuthorizationFailed/.test(op.responses['403']?.description ?? '')]).toEqual([
      path,
      method,
      needsPermission,
    ]);
  }
  expect(Object.keys(doc.components.responses.ArmUnauthorized.headers)).toContain('WWW-Authenticate');
  expect(doc.components.responses.ArmError.content['application/json'].schema.$ref).toBe(
    '#/components/schemas/ArmError',
  );
  const put =
    doc.paths['/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ImportExport/jobs/{job}'].put;
  expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '201', '409', '412']));
  expect(refs(put)).toEqual(expect.arrayContaining(['header.arm.If-Match', 'header.arm.If-None-Match']));
});

it('sends x-ms-version on every customer operation and the conditional headers on the job operations', () => {
  const refs = (op: any) => (op.parameters ?? []).map((p: any) => p.$ref?.split('/').pop() ?? p.name);
  for (const { path, op } of operations())
    if (path.startsWith('/{sub}')) {
      const header = SCHEDULER_PATHS.has(path) ? 'header.scheduler.x-ms-version' : 'header.x-ms-version';
      expect([path, refs(op)]).toEqual([path, expect.arrayContaining([header])]);
    }
  const job = doc.paths['/{sub}/services/importexport/storageaccounts/{account}/jobs/{job}'];
  for (const verb of ['get', 'put', 'patch', 'delete', 'post'] as const)
    expect(refs(job[verb])).toEqual(
      expect.arrayContaining(['header.If-Match', 'header.If-Unmodified-Since']),
    );
  expect(refs(job.post)).toContain('header.X-HTTP-Method');
  expect(refs(doc.paths['/{sub}/services/importexport/storageaccounts/{account}/jobs'].get)).toEqual(
    expect.arrayContaining([
      'type',
      'from',
      'to',
      'states',
      '$top',
      '$skiptoken',
      'query.format',
      'query.timeout',
    ]),
  );
  expect(refs(doc.paths['/{sub}/services/importexport/locations'].get)).toContain('originlocation');
});

it("takes each request body from its operation's zod schema, annotations allowed", () => {
  let bodies = 0;
  let ownBodies = 0;
  for (const route of routes.filter((r) => !isCatchAll(r))) {
    for (const [verb, operation] of Object.entries<any>(apiOf(route)!.operations)) {
      const documented = doc.paths[`/${route.route}`][verb.toLowerCase()].requestBody;
      const own = operation.documentedBody;
      const schema = operation.body ?? own?.schema();
      const id = schema ? z.globalRegistry.get(schema)?.id : undefined;
      const type = own?.representation === 'xml' ? 'application/xml' : 'application/json';
      expect([route.name, verb, documented?.content[type].schema.$ref]).toEqual([
        route.name,
        verb,
        id && `#/components/schemas/${id}`,
      ]);
      if (operation.body) bodies++;
      if (own) ownBodies++;
    }
  }
  expect([bodies, ownBodies]).toEqual([15, 12]);
  const contract = new OpenApiContract(doc);
  const put = doc.paths['/{sub}/services/importexport/storageaccounts/{account}/jobs/{job}'].put;
  const schema = contract.schema(put.requestBody.content['application/json'].schema);
  expect(schema.safeParse(samplePutJob()).success).toBe(true);
  expect(schema.safeParse({ ...samplePutJob(), Unknown: 1 }).success).toBe(false);
});
