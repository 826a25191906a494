import forge from 'node-forge';
import { issueCertificate } from '../../local-host/certificates';
import type { SchedulerDeps } from '../../shared/scheduler/deps';
import { createCloudService } from '../../shared/scheduler/account-service';
import { createCollection } from '../../shared/scheduler/collections-service';
import type { CollectionInput } from '../../shared/scheduler/model-collections';
import type { CollectionRef } from '../../shared/scheduler/model';

/** A PFX (base64) of a fresh certificate, as a job's ClientCertificate authentication carries it. */
export function samplePfx(
  password: string,
  commonName = 'Scheduler Outbound',
): { pfx: string; thumbprint: string } {
  const issued = issueCertificate({ commonName });
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(issued.keyPem),
    forge.pki.certificateFromPem(issued.certPem),
    password,
    { algorithm: '3des' },
  );
  return {
    pfx: forge.util.encode64(forge.asn1.toDer(asn1).getBytes()),
    thumbprint: issued.thumbprint,
  };
}

/** A cloud service and a collection in it, straight through the use cases. */
export async function sampleCollection(
  d: SchedulerDeps,
  sub: string,
  jobCollection = 'jc1',
  input: CollectionInput = {},
  cloudService = 'cs-westus-scheduler',
): Promise<CollectionRef> {
  if (!(await d.services.get(sub, cloudService)))
    await createCloudService(d, sub, cloudService, { label: 'l', description: 'd', geoRegion: 'West US' });
  await createCollection(d, sub, cloudService, jobCollection, input);
  return { subscriptionId: sub, cloudService, jobCollection };
}
