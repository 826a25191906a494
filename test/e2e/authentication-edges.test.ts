import { issueCertificate } from '../../local-host/certificates';
import { passesClientCertHeader } from '../../local-host/server';
import { readCertificate } from '../../shared/identity/client-certificate';
import { REGISTRATION_CACHE_MS } from '../../shared/identity/certificate-auth';
import { removeCertificate } from '../../shared/identity/certificates';
import { createRuntime, setRuntime } from '../../shared/app/runtime';
import { newSubscription, TestClock } from '../support/runtime';
import { extendedCode, startService, type TestService } from '../support/service';

/**
 * docs/contract/import-export.md#d1 and #b beyond authentication.test.ts and https.test.ts: the operator API takes no
 * client certificate into account; a local host on a non-loopback address trusts no client's
 * X-ARR-ClientCert; a removed certificate stops working within the 30-second cache bound, an
 * expiring one at once.
 */
const clock = new TestClock(new Date());
let svc: TestService;
beforeAll(async () => {
  svc = await startService({}, { now: clock.now });
});
afterAll(() => svc.stop());

const LOCATIONS = '/locations';
const forbidden = async (res: Response) => {
  expect(res.status).toBe(403);
  expect(await extendedCode(res)).toBe('AuthenticationFailed');
};

describe('the operator API and client certificates', () => {
  const day = 86_400_000;
  const certificates = () =>
    [
      ['none', undefined],
      ['a malformed one', 'bm90IGEgY2VydGlmaWNhdGU='],
      [
        'an expired one',
        issueCertificate({
          commonName: 'old',
          notBefore: new Date(Date.now() - 9 * day),
          notAfter: new Date(Date.now() - day),
        }).derBase64,
      ],
      ["a customer's registered one", svc.cert.derBase64],
    ] as const;

  it('ignores them: with the operator key any certificate, or none, is let in', async () => {
    for (const [, cert] of certificates()) {
      const res = await svc.operator(
        'GET',
        `/subscriptions/${svc.sub}/certificates`,
        undefined,
        cert ? { 'x-arr-clientcert': cert } : {},
      );
      expect(res.status).toBe(200);
    }
  });

  it("does not take a customer's registered certificate for the operator key", async () => {
    for (const path of ['/jobs', `/subscriptions/${svc.sub}/certificates`]) {
      await forbidden(
        await fetch(`${svc.url}/operator${path}`, { headers: { 'x-arr-clientcert': svc.cert.derBase64 } }),
      );
    }
  });
});

describe('X-ARR-ClientCert on a local host that is not loopback-only (docs/contract/import-export.md#d1)', () => {
  it('is passed on over plain HTTP on a loopback address only', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', 'localhost'])
      expect(passesClientCertHeader(address, false)).toBe(true);
    for (const address of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.4', 'example.com', '::ffff:127.0.0.1'])
      expect([address, passesClientCertHeader(address, false)]).toEqual([address, false]);
    expect(passesClientCertHeader('127.0.0.1', true)).toBe(false);
  });

  it('is not trusted however it is spelt or repeated, on a host bound as to 0.0.0.0', async () => {
    const open = await startService({}, { passClientCertHeader: passesClientCertHeader('0.0.0.0', false) });
    try {
      const spoof = (headers: Record<string, string>) =>
        fetch(`${open.base()}${LOCATIONS}`, { headers: { 'x-ms-version': '2014-11-01', ...headers } });
      await forbidden(await spoof({ 'X-ARR-ClientCert': open.cert.derBase64 }));
      await forbidden(await spoof({ 'x-arr-clientcert': `${open.cert.derBase64}, ${open.cert.derBase64}` }));
      await forbidden(await spoof({ X_ARR_ClientCert: open.cert.derBase64 }));
    } finally {
      await open.stop();
      setRuntime(svc.rt);
    }
  });
});

describe('registered certificates and time', () => {
  it(`a certificate removed on another instance stops working here within ${REGISTRATION_CACHE_MS / 1000} seconds`, async () => {
    const sub = newSubscription();
    const cert = issueCertificate({ commonName: 'removed elsewhere' });
    await svc.rt.certificates.put(sub, readCertificate(cert.derBase64)!);
    const call = () => svc.call('GET', LOCATIONS, { sub, cert: cert.derBase64 });
    expect((await call()).status).toBe(200);
    // Another instance of the service: the same storage, caches of its own.
    const other = createRuntime(svc.rt.config);
    await removeCertificate(other.certificates, sub, cert.thumbprint);
    clock.advance(REGISTRATION_CACHE_MS - 1000);
    expect((await call()).status).toBe(200);
    clock.advance(1000);
    await forbidden(await call());
  });

  it('a cached registration does not outlive the certificate: one that expires is refused at once', async () => {
    const sub = newSubscription();
    const cert = issueCertificate({
      commonName: 'expiring',
      notAfter: new Date(clock.now().getTime() + 5_000),
    });
    await svc.rt.certificates.put(sub, readCertificate(cert.derBase64)!);
    expect((await svc.call('GET', LOCATIONS, { sub, cert: cert.derBase64 })).status).toBe(200);
    clock.advance(6_000);
    await forbidden(await svc.call('GET', LOCATIONS, { sub, cert: cert.derBase64 }));
  });

  it('a certificate registered now works at once, even where it was refused a moment ago', async () => {
    const sub = newSubscription();
    const cert = issueCertificate({ commonName: 'late' });
    await forbidden(await svc.call('GET', LOCATIONS, { sub, cert: cert.derBase64 }));
    const put = await svc.operator('PUT', `/subscriptions/${sub}/certificates/${cert.thumbprint}`, {
      Certificate: cert.derBase64,
    });
    expect(put.status).toBe(201);
    expect((await svc.call('GET', LOCATIONS, { sub, cert: cert.derBase64 })).status).toBe(200);
  });
});
