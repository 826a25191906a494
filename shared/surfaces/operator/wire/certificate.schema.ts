import { z } from 'zod';

/** The operator's certificate registration body (docs/contract/import-export.md#b). */
export const RegisterCertificateBodySchema = z
  .strictObject({
    Certificate: z
      .string()
      .min(1)
      .max(64 * 1024)
      .meta({ description: 'The X.509 certificate, as base64 DER or PEM.' }),
  })
  .meta({
    id: 'RegisterCertificateBody',
    description: 'A management certificate to register (docs/contract/import-export.md#b).',
  });
