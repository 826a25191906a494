import { putJob } from '../../shared/scheduler/jobs-service';
import type { JobDefinition } from '../../shared/scheduler/model';
import { newSubscription, testRuntime } from '../support/runtime';
import { serviceStorageText } from '../support/secret-scan';
import { samplePfx, sampleCollection } from '../support/scheduler-values';

const SECRETS = {
  basic: 'basic-pass-7f3a9c',
  pfxPassword: 'pfx-pass-1b2c3d',
  aad: 'aad-secret-9e8d7c',
  sas: 'sv=2015&sig=queue-sas-5a4b3c',
  errorSas: 'sv=2015&sig=error-sas-0f1e2d',
};

describe('Scheduler secrets at rest (docs/classic-scheduler.md#e5)', () => {
  it('stores no outbound password, PFX, AAD secret or SAS token in clear, and reads them back', async () => {
    const rt = testRuntime();
    const d = rt.scheduler;
    const sub = newSubscription();
    const ref = await sampleCollection(d, sub);
    const collection = (await d.collections.get(sub, ref.cloudService, ref.jobCollection))!;
    const { pfx } = samplePfx(SECRETS.pfxPassword);
    const cert = rt.readPfx(pfx, SECRETS.pfxPassword)!;
    const jobs: Record<string, JobDefinition> = {
      basic: {
        state: 'enabled',
        action: {
          type: 'http',
          kind: 'http',
          request: {
            uri: 'https://127.0.0.1/',
            method: 'GET',
            authentication: { type: 'Basic', username: 'u', password: SECRETS.basic },
          },
          errorAction: {
            type: 'storageQueue',
            kind: 'storageQueue',
            queueMessage: {
              storageAccount: 'acct1',
              queueName: 'errors',
              sasToken: SECRETS.errorSas,
              message: 'm',
            },
          },
        },
      },
      cert: {
        state: 'enabled',
        action: {
          type: 'https',
          kind: 'http',
          request: {
            uri: 'https://127.0.0.1/',
            method: 'GET',
            authentication: {
              type: 'ClientCertificate',
              pfx,
              password: SECRETS.pfxPassword,
              certificateThumbprint: cert.thumbprint,
              certificateExpiration: cert.expiration,
              certificateSubjectName: cert.subjectName,
            },
          },
        },
      },
      aad: {
        state: 'enabled',
        action: {
          type: 'https',
          kind: 'http',
          request: {
            uri: 'https://127.0.0.1/',
            method: 'GET',
            authentication: {
              type: 'ActiveDirectoryOAuth',
              tenant: 't',
              audience: 'a',
              clientId: 'c',
              secret: SECRETS.aad,
            },
          },
        },
      },
      queue: {
        state: 'enabled',
        action: {
          type: 'storageQueue',
          kind: 'storageQueue',
          queueMessage: { storageAccount: 'acct1', queueName: 'jobs', sasToken: SECRETS.sas, message: 'm' },
        },
      },
    };
    for (const [id, def] of Object.entries(jobs)) await putJob(d, ref, collection, id, def);
    const raw = await serviceStorageText(rt);
    expect(raw).toContain('"basic"'.slice(1, -1));
    for (const secret of [...Object.values(SECRETS), pfx.slice(0, 40)]) expect(raw).not.toContain(secret);
    const basic = (await d.jobs.get(ref, 'basic'))!;
    expect(basic.action.request?.authentication).toMatchObject({ password: SECRETS.basic });
    expect(basic.action.errorAction?.queueMessage?.sasToken).toBe(SECRETS.errorSas);
    expect((await d.jobs.get(ref, 'cert'))!.action.request?.authentication).toMatchObject({
      pfx,
      password: SECRETS.pfxPassword,
    });
    expect((await d.jobs.get(ref, 'aad'))!.action.request?.authentication).toMatchObject({
      secret: SECRETS.aad,
    });
    expect((await d.jobs.get(ref, 'queue'))!.action.queueMessage?.sasToken).toBe(SECRETS.sas);
  });
});
