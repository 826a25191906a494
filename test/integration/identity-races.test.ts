import { issueCertificate } from '../../local-host/certificates';
import {
  CertificateAuthenticator,
  REGISTRATION_CACHE_MS,
  UNKNOWN_CACHE_MS,
} from '../../shared/identity/certificate-auth';
import type { CertificateStore } from '../../shared/identity/certificates';
import { registerCertificate, removeCertificate } from '../../shared/identity/certificates';
import { readCertificate } from '../../shared/identity/client-certificate';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { gate, type Gate } from '../support/races';

/**
 * Management-certificate authentication (docs/authentication.md#management-certificates) racing
 * an operator's registration or removal of the certificate, on the real certificates table: what
 * an instance remembers of a lookup that was out while the operator changed the certificate here
 * must not outlast the change. Two authenticators over one store stand for two instances.
 */
const rt = testRuntime();
const clock = new TestClock(new Date());

/** The real store, its first `get` answered from the table, then held at the gate. */
function holdingFirstAnswer(store: CertificateStore, g: Gate): CertificateStore {
  let first = true;
  return {
    put: (s, c) => store.put(s, c),
    list: (s) => store.list(s),
    delete: (s, t) => store.delete(s, t),
    async get(s, t) {
      const answer = await store.get(s, t);
      if (first) {
        first = false;
        g.reach();
        await g.released;
      }
      return answer;
    },
  };
}

const outcome = (p: Promise<void>) =>
  p.then(
    () => 'in',
    (err: { code?: string }) => err.code ?? 'error',
  );

function setUp() {
  const sub = newSubscription();
  const cert = issueCertificate({ commonName: 'racing' });
  const g = gate();
  const auth = new CertificateAuthenticator(holdingFirstAnswer(rt.certificates, g), clock.now);
  return { sub, cert, g, auth, parsed: readCertificate(cert.derBase64)! };
}

describe('a certificate lookup in flight while the operator changes the certificate here', () => {
  it('a registration made while a refusing lookup was out works at once: the refusal is not remembered', async () => {
    const { sub, cert, g, auth, parsed } = setUp();
    const first = outcome(auth.authenticate(sub, cert.derBase64));
    await g.reached; // the lookup read "not registered"
    await registerCertificate(rt.certificates, sub, cert.thumbprint, parsed);
    auth.registeredNow(sub, cert.thumbprint);
    g.release();
    expect(await first).toBe('AuthenticationFailed');
    expect(await outcome(auth.authenticate(sub, cert.derBase64))).toBe('in');
  });

  it('a removal made while an admitting lookup was out takes effect at once: the admission is not remembered', async () => {
    const { sub, cert, g, auth, parsed } = setUp();
    await rt.certificates.put(sub, parsed);
    const first = outcome(auth.authenticate(sub, cert.derBase64));
    await g.reached; // the lookup read "registered"
    await removeCertificate(rt.certificates, sub, cert.thumbprint);
    auth.forget(sub);
    g.release();
    expect(await first).toBe('in');
    expect(await outcome(auth.authenticate(sub, cert.derBase64))).toBe('AuthenticationFailed');
  });
});

describe('a certificate changed on another instance', () => {
  it(`one registered elsewhere just after a refusal here works here within ${UNKNOWN_CACHE_MS / 1000} seconds`, async () => {
    const sub = newSubscription();
    const cert = issueCertificate({ commonName: 'registered elsewhere' });
    const here = new CertificateAuthenticator(rt.certificates, clock.now);
    const elsewhere = new CertificateAuthenticator(rt.certificates, clock.now);
    expect(await outcome(here.authenticate(sub, cert.derBase64))).toBe('AuthenticationFailed');
    await registerCertificate(rt.certificates, sub, cert.thumbprint, readCertificate(cert.derBase64)!);
    elsewhere.registeredNow(sub, cert.thumbprint);
    expect(await outcome(elsewhere.authenticate(sub, cert.derBase64))).toBe('in');
    clock.advance(UNKNOWN_CACHE_MS - 1);
    expect(await outcome(here.authenticate(sub, cert.derBase64))).toBe('AuthenticationFailed');
    clock.advance(1);
    expect(await outcome(here.authenticate(sub, cert.derBase64))).toBe('in');
  });

  it(`a removal elsewhere during a lookup here is seen within ${REGISTRATION_CACHE_MS / 1000} seconds`, async () => {
    const { sub, cert, g, auth, parsed } = setUp();
    await rt.certificates.put(sub, parsed);
    const first = outcome(auth.authenticate(sub, cert.derBase64));
    await g.reached;
    const elsewhere = new CertificateAuthenticator(rt.certificates, clock.now);
    await removeCertificate(rt.certificates, sub, cert.thumbprint);
    elsewhere.forget(sub);
    g.release();
    expect(await first).toBe('in');
    expect(await outcome(elsewhere.authenticate(sub, cert.derBase64))).toBe('AuthenticationFailed');
    clock.advance(REGISTRATION_CACHE_MS - 1);
    expect(await outcome(auth.authenticate(sub, cert.derBase64))).toBe('in');
    clock.advance(1);
    expect(await outcome(auth.authenticate(sub, cert.derBase64))).toBe('AuthenticationFailed');
  });
});
