import { readCertificate } from '../../auth/certificate';
import { registerCertificate, removeCertificate } from '../../domain/certificates';
import { ServiceError } from '../../domain/errors';
import { checkSubscriptionId } from '../../domain/names';
import { RegisterCertificateBodySchema } from '../../schemas/certificate.schema';
import { operatorOp } from '../pipeline';

/** PUT /operator/subscriptions/{sub}/certificates/{thumbprint} (SPEC B). */
export const registerCertificateOperation = operatorOp({
  body: RegisterCertificateBodySchema,
  async run({ rt, params, body }) {
    const subscriptionId = checkSubscriptionId(params.sub ?? '');
    const certificate = readCertificate(body.Certificate);
    if (!certificate)
      throw new ServiceError(
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
  async run({ rt, params }) {
    const list = await rt.certificates.list(checkSubscriptionId(params.sub ?? ''));
    return { status: 200, json: { value: list.map(({ Certificate: _omit, ...summary }) => summary) } };
  },
});

/** DELETE /operator/subscriptions/{sub}/certificates/{thumbprint}. */
export const removeCertificateOperation = operatorOp({
  async run({ rt, params }) {
    const subscriptionId = checkSubscriptionId(params.sub ?? '');
    await removeCertificate(rt.certificates, subscriptionId, params.thumbprint ?? '');
    rt.authenticator.forget(subscriptionId);
    return { status: 200 };
  },
});
