import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { StorageImportExport } from '@azure/arm-storageimportexport';
import type { TokenCredential } from '@azure/core-auth';
import { issueCertificate } from '../../local-host/certificates';
import { loadRoutes } from '../../local-host/quiet-import';
import { createLocalHost } from '../../local-host/server';
import { startService, type TestService } from './service';
import { TEST_OPERATOR_KEY } from './runtime';

/** The throw-away server certificate the HTTPS local host serves (docs/arm-import-export.md#g1). */
const ARM_SERVER_CERT = issueCertificate({
  commonName: 'localhost',
  serverNames: ['localhost', '127.0.0.1'],
});

export interface ArmService {
  svc: TestService;
  /** The same runtime over plain HTTP on loopback, for the test's own operator and classic calls (its fetch trusts no private CA). */
  plain: string;
  operator: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** A classic call (management certificate in X-ARR-ClientCert), path under /{sub}/services/importexport. */
  classic: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** A principal with a grant on the service's subscription, and a client for it. */
  grant: (role?: 'Contributor' | 'Reader', sub?: string) => Promise<string>;
  token: (objectId: string) => Promise<string>;
  client: (
    objectId: string,
    opts?: { apiVersion?: string; acceptLanguage?: string; sub?: string },
  ) => StorageImportExport;
  stop: () => Promise<void>;
}

/** The local host in HTTPS mode with the development issuer on, and a plain twin on the same runtime; `log` hears both. */
export async function startArmService(
  env: Record<string, string> = {},
  opts: { log?: (line: string) => void } = {},
): Promise<ArmService> {
  const log = opts.log ?? (process.env.ARM_TEST_LOG ? (l: string) => console.log(l) : undefined);
  const svc = await startService(
    { ARM_DEV_ISSUER: 'true', ...env },
    {
      tls: { cert: ARM_SERVER_CERT.certPem, key: ARM_SERVER_CERT.keyPem },
      ...(log && { log }),
    },
  );
  const server: Server = createLocalHost(await loadRoutes(), {
    passClientCertHeader: true,
    log: log ?? (() => undefined),
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const plain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const operator: ArmService['operator'] = (method, path, body) =>
    fetch(`${plain}/operator${path}`, {
      method,
      headers: {
        'x-operator-key': TEST_OPERATOR_KEY,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const token = async (objectId: string) => {
    const res = await operator('POST', '/dev-tokens', { ObjectId: objectId });
    if (res.status !== 200) throw new Error(`dev token: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const credential = (objectId: string): TokenCredential => ({
    async getToken() {
      return { token: await token(objectId), expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  });
  const classic: ArmService['classic'] = (method, path, body) =>
    fetch(`${plain}/${svc.sub}/services/importexport${path}`, {
      method,
      headers: {
        'x-ms-version': '2014-11-01',
        'x-arr-clientcert': svc.cert.derBase64,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  return {
    svc,
    plain,
    operator,
    classic,
    token,
    async grant(role = 'Contributor', sub = svc.sub) {
      const oid = randomUUID();
      const res = await operator('PUT', `/subscriptions/${sub}/principals/${oid}`, { Role: role });
      if (res.status !== 201) throw new Error(`grant: ${res.status}`);
      return oid;
    },
    client: (objectId, opts = {}) =>
      new StorageImportExport(credential(objectId), opts.sub ?? svc.sub, {
        endpoint: svc.url,
        tlsOptions: { ca: ARM_SERVER_CERT.certPem },
        retryOptions: { maxRetries: 0 },
        ...(opts.apiVersion && { apiVersion: opts.apiVersion }),
        ...(opts.acceptLanguage && { acceptLanguage: opts.acceptLanguage }),
      }),
    stop: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await svc.stop();
    },
  };
}

/** CreateJob of the 2021-01-01 examples, for `account`. */
export const armImportBody = (sub: string, account = 'customer1') => ({
  location: 'West US',
  properties: {
    storageAccountId: `/subscriptions/${sub}/resourceGroups/myResourceGroup/providers/Microsoft.Storage/storageAccounts/${account}`,
    jobType: 'Import',
    returnAddress: {
      recipientName: 'Test',
      streetAddress1: 'Street1',
      streetAddress2: 'street2',
      city: 'Redmond',
      stateOrProvince: 'wa',
      postalCode: '98007',
      countryOrRegion: 'USA',
      phone: '4250000000',
      email: 'Test@contoso.com',
    },
    returnShipping: { carrierName: 'FedEx', carrierAccountNumber: '989ffff' },
    diagnosticsPath: 'waimportexport',
    logLevel: 'Verbose',
    backupDriveManifest: true,
    driveList: [
      {
        driveId: '9CA995BB',
        bitLockerKey: '238810-662376-448998-450120-652806-203390-606320-483076',
        manifestFile: '\\8a0c23f7-14b7-470a-9633-fcd46590a1bc.manifest',
        manifestHash: '4228EC5D8E048CB9B515338C789314BE8D0B2FDBC7C7A0308E1C826242CDE74E',
        driveHeaderHash: '0:1048576:FB6B;135266304:143360:C957',
      },
    ],
  },
});

/** West US, open, and Old DC, closed in favour of West US (docs/arm-import-export.md#c1). */
export const CLOSED_LOCATIONS = JSON.stringify([
  {
    Name: 'West US',
    RecipientName: 'Microsoft Azure Import/Export Service',
    StreetAddress1: '2045 Lafayette Street',
    StreetAddress2: '',
    City: 'Santa Clara',
    StateOrProvince: 'CA',
    PostalCode: '95050',
    CountryOrRegion: 'USA',
    SupportedCarriers: ['FedEx'],
    ServedRegions: ['West US'],
    Phone: '408 352 7600',
  },
  {
    Name: 'Old DC',
    RecipientName: 'Closed',
    StreetAddress1: '1 Old Way',
    StreetAddress2: '',
    City: 'Nowhere',
    StateOrProvince: '',
    PostalCode: '0',
    CountryOrRegion: 'USA',
    SupportedCarriers: ['FedEx'],
    ServedRegions: ['Old Region'],
    AlternateLocations: ['westus'],
  },
]);
