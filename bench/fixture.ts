import { defineClassicJob } from '../test/support/classic-jobs';
import { randomBytes } from 'node:crypto';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { issueCertificate } from '../local-host/certificates';
import { loadRoutes } from '../local-host/quiet-import';
import type { Azurite } from '../local-host/azurite';
import { readCertificate } from '../shared/identity/client-certificate';
import { parseConfig } from '../shared/app/config';
import type { Job } from '../shared/import-export/model/model';
import type { HttpRoute } from '../shared/edge/routes';
import type { Runtime } from '../shared/app/runtime';
import { createRuntime, setRuntime } from '../shared/app/runtime';
import { samplePutJob } from '../test/support/samples';
import { randomSubscription } from './seed';

/** The seed 003 sample, for `name` under `account`. */
export const putBody = samplePutJob;

export interface Fixture {
  rt: Runtime;
  routes: readonly HttpRoute[];
  sub: string;
  cert: string;
  /** A customer request as the Functions host would hand it to a handler. */
  request: (method: string, path: string, params: Record<string, string>, body?: unknown) => HttpRequest;
  call: (routeName: string, request: HttpRequest) => Promise<{ status?: number; body?: unknown }>;
  /** A job built as Put Job builds it, for writing rows directly. */
  job: (sub: string, name: string, account: string, at: Date) => Job;
}

/** A runtime on the given Azurite, the route table, and a subscription with a registered certificate. */
export async function fixture(azurite: Azurite, extraEnv: Record<string, string> = {}): Promise<Fixture> {
  const rt = createRuntime(
    parseConfig({
      AzureWebJobsStorage: azurite.connectionString,
      SECRETS_KEY: randomBytes(32).toString('base64'),
      STORAGE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      ACTIVE_JOB_LIMIT: '1000000',
      TRUST_FORWARDED_CLIENT_CERT: 'true',
      ...extraEnv,
    }),
  );
  setRuntime(rt);
  const routes = await loadRoutes();
  const issued = issueCertificate({ commonName: 'bench' });
  const sub = randomSubscription();
  await rt.certificates.put(sub, readCertificate(issued.derBase64)!);
  const context = new InvocationContext({ invocationId: 'bench', functionName: 'bench' });
  const headers = {
    'x-ms-version': '2014-11-01',
    'x-arr-clientcert': issued.derBase64,
    'content-type': 'application/json',
  };
  return {
    rt,
    routes,
    sub,
    cert: issued.derBase64,
    request: (method, path, params, body) =>
      new HttpRequest({
        method,
        url: `http://localhost:7071/${sub}/services/importexport${path}`,
        headers,
        params: { sub, ...params },
        ...(body !== undefined && { body: { string: JSON.stringify(body) } }),
      }),
    call: async (name, request) => {
      const route = routes.find((r) => r.name === name);
      if (!route) throw new Error(`no route ${name}`);
      return await route.handler(request, context);
    },
    job: (s, name, account, at) =>
      defineClassicJob(
        putBody(name, account) as unknown as Parameters<typeof defineClassicJob>[0],
        { subscriptionId: s, storageAccountName: account, jobName: name },
        '2014-11-01',
        rt.jobs.locations,
        at,
      ),
  };
}

export const expectStatus = (res: { status?: number }, status: number, what: string): void => {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}, not ${status}`);
};
