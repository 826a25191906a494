import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import { BearerTokens } from '../../shared/adapters/jwt/jose-bearer-tokens';
import { TokenRejected } from '../../shared/identity/bearer-tokens';
import { allows } from '../../shared/identity/principals';

/** Token validation (docs/arm-import-export.md#e1, #e4): each refusal and its reason. */
const ISSUER = 'https://login.example/tenant/v2.0';
const AUDIENCE = 'api://importexport';
const OID = '11111111-2222-4333-8444-555555555555';
const TID = '99999999-8888-4777-8666-555555555555';
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let tokens: BearerTokens;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  tokens = new BearerTokens(
    () => Promise.resolve([{ issuer: ISSUER, keys: createLocalJWKSet({ keys: [jwk] }) }]),
    [AUDIENCE],
  );
});

const now = () => Math.floor(Date.now() / 1000);
const sign = (
  claims: Record<string, unknown> = {},
  opts: { iss?: string; aud?: string; exp?: number; nbf?: number } = {},
) =>
  new SignJWT({ oid: OID, tid: TID, scp: 'user_impersonation', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setIssuedAt()
    .setNotBefore(opts.nbf ?? now())
    .setExpirationTime(opts.exp ?? now() + 3600)
    .sign(privateKey);

const faultOf = async (header: string | null) => {
  try {
    await tokens.validate(header);
    return 'accepted';
  } catch (err) {
    return err instanceof TokenRejected ? err.fault : String(err);
  }
};

it('accepts a valid token and names the caller as systemData does', async () => {
  const caller = await tokens.validate(`Bearer ${await sign({ upn: 'ada@example.com' })}`);
  expect(caller).toEqual({ objectId: OID, tenantId: TID, name: 'ada@example.com', type: 'User' });
  const app = await tokens.validate(
    `Bearer ${await sign({ scp: undefined, idtyp: 'app', appid: 'my-app' })}`,
  );
  expect(app).toMatchObject({ name: 'my-app', type: 'Application' });
  const mi = await tokens.validate(`Bearer ${await sign({ scp: undefined, xms_mirid: '/subscriptions/x' })}`);
  expect(mi.type).toBe('ManagedIdentity');
});

it.each([
  ['no header', null, 'missing'],
  ['another scheme', 'Basic abc', 'missing'],
  ['not a JWT', 'Bearer abc.def', 'invalid'],
])('refuses %s', async (_what, header, fault) => {
  expect(await faultOf(header)).toBe(fault);
});

it('refuses a tampered signature, an unknown issuer, a foreign audience, an expired and a future token', async () => {
  const good = await sign();
  const [h, p, s] = good.split('.');
  expect(await faultOf(`Bearer ${h}.${p}.${s?.slice(0, -4)}AAAA`)).toBe('invalid');
  expect(await faultOf(`Bearer ${await sign({}, { iss: 'https://evil.example/' })}`)).toBe('issuer');
  expect(await faultOf(`Bearer ${await sign({}, { aud: 'https://management.azure.com/' })}`)).toBe(
    'audience',
  );
  expect(await faultOf(`Bearer ${await sign({}, { exp: now() - 301 })}`)).toBe('expired');
  expect(await faultOf(`Bearer ${await sign({}, { exp: now() - 100 })}`)).toBe('accepted');
  expect(await faultOf(`Bearer ${await sign({}, { nbf: now() + 3600 })}`)).toBe('invalid');
});

it('refuses tokens without GUID oid and tid, and unsigned or HMAC tokens', async () => {
  expect(await faultOf(`Bearer ${await sign({ oid: 'not-a-guid' })}`)).toBe('invalid');
  expect(await faultOf(`Bearer ${await sign({ tid: undefined })}`)).toBe('invalid');
  const body = Buffer.from(
    JSON.stringify({ iss: ISSUER, aud: AUDIENCE, oid: OID, tid: TID, exp: now() + 60 }),
  ).toString('base64url');
  const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
  expect(await faultOf(`Bearer ${none}.${body}.`)).toBe('invalid');
  const hmac = await new SignJWT({ oid: OID, tid: TID })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(now() + 60)
    .sign(new TextEncoder().encode('0123456789abcdef0123456789abcdef'));
  expect(await faultOf(`Bearer ${hmac}`)).toBe('invalid');
});

it.each([
  ['Reader', 'Microsoft.ImportExport/jobs/read', true],
  ['Reader', 'Microsoft.ImportExport/jobs/write', false],
  ['Reader', 'Microsoft.ImportExport/jobs/listBitLockerKeys/action', false],
  ['Contributor', 'Microsoft.ImportExport/jobs/delete', true],
  [undefined, 'Microsoft.ImportExport/jobs/read', false],
] as const)('a %s may %s: %s', (role, permission, allowed) => {
  expect(allows(role, permission)).toBe(allowed);
});
