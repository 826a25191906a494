import { armImportBody, CLOSED_LOCATIONS, startArmService, type ArmService } from '../support/arm';
import { OpenApiContract } from '../support/openapi-contract';

/**
 * Resource Manager's real answers checked against docs/openapi.json's own schemas (statuses,
 * headers, bodies), success and error paths, so the document cannot drift from the ARM surface.
 */
let arm: ArmService;
let token: string;
let contract: OpenApiContract;
beforeAll(async () => {
  arm = await startArmService({ LOCATIONS: CLOSED_LOCATIONS, ARM_LIST_PAGE_SIZE: '1' });
  token = await arm.token(await arm.grant());
  contract = new OpenApiContract((await (await fetch(`${arm.plain}/openapi.json`)).json()) as any);
});
afterAll(() => arm.stop());

const V = 'api-version=2021-01-01';
const jobs = () => `/subscriptions/${arm.svc.sub}/resourceGroups/doc/providers/Microsoft.ImportExport/jobs`;

async function conforms(
  method: string,
  path: string,
  status: number,
  opts: { body?: unknown; headers?: Record<string, string>; bearer?: string | null } = {},
): Promise<Response> {
  const bearer = opts.bearer === undefined ? token : opts.bearer;
  const res = await fetch(`${arm.plain}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(bearer !== null && { authorization: `Bearer ${bearer}` }),
      ...opts.headers,
    },
    ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
  });
  expect([method, path, res.status]).toEqual([method, path, status]);
  expect([method, path, await contract.problems(res.clone(), method)]).toEqual([method, path, []]);
  return res;
}

describe('Resource Manager answers as docs/openapi.json documents', () => {
  it('locations and operations, with a short name, and an unknown location', async () => {
    const p = '/providers/Microsoft.ImportExport';
    await conforms('GET', `${p}/locations?${V}`, 200);
    await conforms('GET', `${p}/locations/westus?${V}`, 200);
    await conforms('GET', `${p}/locations/nowhere?${V}`, 404);
    await conforms('GET', `${p}/operations?api-version=2016-11-01`, 200);
    await conforms('GET', `${p}/operations`, 400);
    await conforms('GET', `${p}/operations?${V}`, 401, { bearer: null });
    await conforms('GET', `${p}/operations?${V}`, 401, { bearer: 'not.a.token' });
  });

  it('jobs: create, replace, get, update, list with paging, keys, delete, and their errors', async () => {
    const body = armImportBody(arm.svc.sub);
    const created = await conforms('PUT', `${jobs()}/docJob?${V}`, 201, { body });
    await conforms('PUT', `${jobs()}/docJob?${V}`, 200, { body });
    await conforms('PUT', `${jobs()}/docJob2?api-version=2016-11-01`, 201, { body });
    await conforms('GET', `${jobs()}/docJob?${V}`, 200);
    await conforms('GET', `${jobs()}/docJob?api-version=2020-08-01`, 200);
    await conforms('PATCH', `${jobs()}/docJob?${V}`, 200, { body: { tags: { a: 'b' } } });
    await conforms('PATCH', `${jobs()}/docJob?${V}`, 412, {
      body: { tags: { a: 'c' } },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    const page = await conforms('GET', `${jobs()}?${V}`, 200);
    const { nextLink } = (await page.json()) as { nextLink?: string };
    expect(nextLink).toEqual(expect.any(String));
    await conforms('GET', new URL(nextLink!).pathname + new URL(nextLink!).search, 200);
    await conforms(
      'GET',
      `/subscriptions/${arm.svc.sub}/providers/Microsoft.ImportExport/jobs?${V}&$top=1`,
      200,
    );
    await conforms('GET', `${jobs()}?${V}&$filter=nonsense`, 400);
    await conforms('POST', `${jobs()}/docJob/listBitLockerKeys?${V}`, 200);
    await conforms('PUT', `${jobs()}/docJob3?${V}`, 400, {
      body: { ...body, properties: { ...body.properties, jobType: 'Sideways' } },
    });
    await conforms('PUT', `${jobs()}/docJob3?${V}`, 400, { body: { ...body, location: 'Old DC' } });
    await conforms('GET', `${jobs()}/absent?${V}`, 404);
    await conforms('GET', `${jobs()}/1bad?${V}`, 400);
    const stranger = await arm.token('11111111-2222-4333-8444-555555555555');
    await conforms('GET', `${jobs()}/docJob?${V}`, 403, { bearer: stranger });
    await conforms('DELETE', `${jobs()}/docJob?${V}`, 200);
    await conforms('DELETE', `${jobs()}/docJob?${V}`, 200);
  });
});
