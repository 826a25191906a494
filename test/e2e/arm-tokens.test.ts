import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { armImportBody, startArmService, type ArmService } from '../support/arm';

/** docs/arm-import-export.md#e1, #e4, #e5 on the wire: a configured issuer (ARM_TOKEN_ISSUERS with a JWKS URI), each 401 code and its challenge, systemData from the token. */
const ISSUER = 'https://issuer.test/tenant/v2.0';
const AUDIENCE = 'api://importexport';
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

let arm: ArmService;
let jwks: Server;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  const keys = JSON.stringify({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }],
  });
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(keys));
  await new Promise<void>((ok) => jwks.listen(0, '127.0.0.1', ok));
  const uri = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
  arm = await startArmService({ ARM_TOKEN_ISSUERS: `${ISSUER} ${uri}`, ARM_AUDIENCE: AUDIENCE });
});
afterAll(async () => {
  await arm.stop();
  await new Promise<void>((ok) => jwks.close(() => ok()));
});

const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: number } = {}) =>
  new SignJWT({ tid: TID, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setIssuedAt()
    .setNotBefore(now() - 60)
    .setExpirationTime(opts.exp ?? now() + 3600)
    .sign(privateKey);

const jobUrl = (name: string) =>
  `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/tokens/providers/Microsoft.ImportExport/jobs/${name}?api-version=2021-01-01`;
const call = (method: string, url: string, token?: string, body?: unknown) =>
  fetch(url, {
    method,
    headers: {
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

it('accepts a configured issuer through its JWKS URI and takes systemData from the token', async () => {
  const user = await arm.grant();
  const userToken = await sign({ oid: user, scp: 'user_impersonation', upn: 'someone@contoso.com' });
  const created = await call('PUT', jobUrl('byUser'), userToken, armImportBody(arm.svc.sub));
  expect(created.status).toBe(201);
  expect(((await created.json()) as { systemData: unknown }).systemData).toMatchObject({
    createdBy: 'someone@contoso.com',
    createdByType: 'User',
    lastModifiedBy: 'someone@contoso.com',
  });
  const app = await arm.grant();
  const appId = randomUUID();
  const appToken = await sign({ oid: app, appid: appId, idtyp: 'app', roles: ['Jobs.ReadWrite'] });
  const patched = await call('PATCH', jobUrl('byUser'), appToken, { properties: { logLevel: 'Error' } });
  expect(patched.status).toBe(200);
  expect(((await patched.json()) as { systemData: unknown }).systemData).toMatchObject({
    createdBy: 'someone@contoso.com',
    createdByType: 'User',
    lastModifiedBy: appId,
    lastModifiedByType: 'Application',
  });
});

it('answers each 401 with its code and a Bearer challenge naming the first configured issuer', async () => {
  const oid = await arm.grant();
  const challenge = `Bearer authorization_uri="${ISSUER}"`;
  const cases: [string, string | undefined, string, RegExp][] = [
    [
      'no token',
      undefined,
      'AuthenticationFailed',
      /^Authentication failed\. The 'Authorization' header is missing\.$/,
    ],
    ['expired', await sign({ oid, scp: 'x' }, { exp: now() - 301 }), 'ExpiredAuthenticationToken', /expired/],
    [
      'foreign audience',
      await sign({ oid, scp: 'x' }, { aud: 'https://management.azure.com/' }),
      'InvalidAuthenticationTokenAudience',
      /audience/,
    ],
    [
      'other issuer',
      await sign({ oid, scp: 'x' }, { iss: 'https://evil.example/' }),
      'InvalidAuthenticationTokenTenant',
      /^The access token is from the wrong issuer 'https:\/\/evil\.example\/'\./,
    ],
    ['no oid', await sign({ scp: 'x' }), 'InvalidAuthenticationToken', /oid/],
  ];
  for (const [why, token, code, message] of cases) {
    const res = await call('GET', jobUrl('anyJob'), token);
    expect([why, res.status]).toEqual([why, 401]);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([why, body.error.code]).toEqual([why, code]);
    expect(body.error.message).toMatch(message);
    const header = res.headers.get('www-authenticate') ?? '';
    expect(header.startsWith(challenge)).toBe(true);
    expect(header).not.toMatch(/insufficient_claims/);
    if (token === undefined) expect(header).toBe(challenge);
    else expect(header).toMatch(/, error="invalid_token", error_description="[^"]+"$/);
  }
});

it('answers 403 without a challenge to a valid token with no grant', async () => {
  const res = await call('GET', jobUrl('anyJob'), await sign({ oid: randomUUID(), scp: 'x' }));
  expect(res.status).toBe(403);
  expect(res.headers.get('www-authenticate')).toBeNull();
  expect(await res.json()).toMatchObject({ error: { code: 'AuthorizationFailed' } });
});
