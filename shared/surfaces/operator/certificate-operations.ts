import { readCertificate } from '../../identity/client-certificate';
import { registerCertificate, removeCertificate } from '../../identity/certificates';
import { IdentityError } from '../../identity/errors';
import { checkSubscriptionId } from '../../import-export/model/names';
import { RegisterCertificateBodySchema } from './wire/certificate.schema';
import { certificateListSchema, certificateSummarySchema } from './wire/operator-wire.schema';
import { operatorOp } from './pipeline';

/** PUT /operator/subscriptions/{sub}/certificates/{thumbprint} (docs/contract/import-export.md#b). */
export const registerCertificateOperation = operatorOp({
  summary: 'Register a management certificate',
  description:
    "The certificate then authenticates the subscription's customer calls (docs/contract/import-export.md#b, #d1).",
  success: { status: 201, body: certificateSummarySchema },
  errors: ['InvalidCertificate'],
  body: RegisterCertificateBodySchema,
  async run({ rt, params, body }) {
    const subscriptionId = checkSubscriptionId(params.sub ?? '');
    const certificate = readCertificate(body.Certificate);
    if (!certificate)
      throw new IdentityError(
        'InvalidCertificate',
        'Certificate must be an X.509 certificate, as base64 DER or PEM.',
        'Certificate',
      );
    const saved = await registerCertificate(
      rt.certificates,
      subscriptionId,
      params.thumbprint ?? '',
      certificate,
    );
    const { Certificate: _omit, ...summary } = saved;
    return { status: 201, json: summary };
  },
});

/** GET /operator/subscriptions/{sub}/certificates. */
export const listCertificatesOperation = operatorOp({
  summary: "List a subscription's management certificates",
  success: { status: 200, body: certificateListSchema },
  async run({ rt, params }) {
    const list = await rt.certificates.list(checkSubscriptionId(params.sub ?? ''));
    return { status: 200, json: { value: list.map(({ Certificate: _omit, ...summary }) => summary) } };
  },
});

/** DELETE /operator/subscriptions/{sub}/certificates/{thumbprint}. */
export const removeCertificateOperation = operatorOp({
  summary: 'Remove a management certificate',
  description: 'It stops authenticating within 30 seconds (the per-instance cache).',
  success: { status: 200 },
  errors: ['ResourceNotFound'],
  async run({ rt, params }) {
    const subscriptionId = checkSubscriptionId(params.sub ?? '');
    await removeCertificate(rt.certificates, subscriptionId, params.thumbprint ?? '');
    rt.authenticator.forget(subscriptionId);
    return { status: 200 };
  },
});
