import { issueCertificate } from '../../local-host/certificates';
import { newSubscription, TEST_OPERATOR_KEY } from '../support/runtime';
import { samplePutJob } from '../support/samples';
import { extendedCode, startService, type TestService } from '../support/service';

/** Management certificates (docs/contract/import-export.md#d1) and the operator's certificate endpoints (docs/contract/import-export.md#b), over HTTP. */
let svc: TestService;
const JOB = '/storageaccounts/xttest/jobs/AuthJob';
beforeAll(async () => {
  svc = await startService();
  await svc.call('PUT', JOB, { body: samplePutJob('AuthJob') });
});
afterAll(() => svc.stop());

const forbidden = async (res: Response) => {
  expect(res.status).toBe(403);
  expect(await extendedCode(res)).toBe('AuthenticationFailed');
};

describe('customer authentication', () => {
  it('lets a registered, valid certificate in', async () => {
    expect((await svc.call('GET', JOB)).status).toBe(200);
  });

  it('refuses a request without a certificate', async () => {
    await forbidden(await svc.call('GET', JOB, { cert: null }));
  });

  it('refuses a malformed certificate', async () => {
    await forbidden(await svc.call('GET', JOB, { cert: 'bm90IGEgY2VydGlmaWNhdGU=' }));
  });

  it('refuses an unregistered certificate', async () => {
    await forbidden(
      await svc.call('GET', JOB, { cert: issueCertificate({ commonName: 'stranger' }).derBase64 }),
    );
  });

  it('refuses expired and not-yet-valid certificates even when registered', async () => {
    const day = 86400e3;
    for (const c of [
      issueCertificate({
        commonName: 'expired',
        notBefore: new Date(Date.now() - 10 * day),
        notAfter: new Date(Date.now() - day),
      }),
      issueCertificate({
        commonName: 'future',
        notBefore: new Date(Date.now() + day),
        notAfter: new Date(Date.now() + 10 * day),
      }),
    ]) {
      expect(
        (
          await svc.operator('PUT', `/subscriptions/${svc.sub}/certificates/${c.thumbprint}`, {
            Certificate: c.derBase64,
          })
        ).status,
      ).toBe(201);
      await forbidden(await svc.call('GET', JOB, { cert: c.derBase64 }));
    }
  });

  it('refuses a certificate registered to another subscription', async () => {
    const other = newSubscription();
    const c = issueCertificate({ commonName: 'other-sub' });
    await svc.operator('PUT', `/subscriptions/${other}/certificates/${c.thumbprint}`, {
      Certificate: c.derBase64,
    });
    expect(
      (await svc.call('GET', '/storageaccounts/xttest/jobs/AuthJob', { sub: other, cert: c.derBase64 }))
        .status,
    ).toBe(404);
    await forbidden(await svc.call('GET', JOB, { cert: c.derBase64 }));
  });

  it('changes nothing when refused', async () => {
    await forbidden(
      await svc.call('PUT', '/storageaccounts/xttest/jobs/Sneaky', {
        body: samplePutJob('Sneaky'),
        cert: null,
      }),
    );
    expect((await svc.call('GET', '/storageaccounts/xttest/jobs/Sneaky')).status).toBe(404);
  });
});

describe('the operator certificate endpoints', () => {
  const c = issueCertificate({ commonName: 'registered-by-operator' });
  const path = (sub: string, t = c.thumbprint) => `/subscriptions/${sub}/certificates/${t}`;

  it('registers (PEM or base64 DER), lists and removes a certificate, which then stops working', async () => {
    const sub = newSubscription();
    const put = await svc.operator('PUT', path(sub, c.thumbprint.toLowerCase()), { Certificate: c.certPem });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({
      Thumbprint: c.thumbprint,
      Subject: 'CN=registered-by-operator',
    });
    const list = (await (await svc.operator('GET', `/subscriptions/${sub}/certificates`)).json()) as {
      value: { Thumbprint: string }[];
    };
    expect(list.value.map((v) => v.Thumbprint)).toEqual([c.thumbprint]);
    expect(JSON.stringify(list)).not.toContain(c.derBase64.slice(0, 40));
    expect(
      (await svc.call('GET', '/storageaccounts/xttest/jobs/None', { sub, cert: c.derBase64 })).status,
    ).toBe(404);
    expect((await svc.operator('DELETE', path(sub))).status).toBe(200);
    await forbidden(await svc.call('GET', '/storageaccounts/xttest/jobs/None', { sub, cert: c.derBase64 }));
    expect((await svc.operator('DELETE', path(sub))).status).toBe(404);
  });

  it("refuses a thumbprint that is not the certificate's, and a body that is no certificate", async () => {
    const sub = newSubscription();
    const wrong = await svc.operator('PUT', path(sub, 'A'.repeat(40)), { Certificate: c.derBase64 });
    expect(wrong.status).toBe(400);
    expect(await extendedCode(wrong)).toBe('InvalidCertificate');
    const junk = await svc.operator('PUT', path(sub), { Certificate: 'hello' });
    expect(await extendedCode(junk)).toBe('InvalidCertificate');
    const extra = await svc.operator('PUT', path(sub), { Certificate: c.derBase64, Extra: 1 });
    expect(await extendedCode(extra)).toBe('InvalidRequestBody');
  });

  it('refuses a missing or wrong operator key with 403', async () => {
    const sub = newSubscription();
    await forbidden(
      await svc.operator('GET', `/subscriptions/${sub}/certificates`, undefined, {
        'x-operator-key': 'wrong-key-0123456789',
      }),
    );
    const none = await fetch(`${svc.url}/operator/subscriptions/${sub}/certificates`);
    await forbidden(none);
    expect(TEST_OPERATOR_KEY).not.toBe('wrong-key-0123456789');
  });
});

describe('X-ARR-ClientCert is trusted only where a front end sets it', () => {
  it('is ignored when TRUST_FORWARDED_CLIENT_CERT is false', async () => {
    const untrusting = await startService({ TRUST_FORWARDED_CLIENT_CERT: 'false' });
    try {
      await forbidden(await untrusting.call('GET', JOB));
    } finally {
      await untrusting.stop();
    }
  });

  it('is removed by a local host that is not on a loopback-only footing', async () => {
    const stripping = await startService({}, { passClientCertHeader: false });
    try {
      await forbidden(await stripping.call('GET', JOB));
    } finally {
      await stripping.stop();
    }
  });
});
