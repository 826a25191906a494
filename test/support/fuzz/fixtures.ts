import { issueCertificate } from '../../../local-host/certificates';
import { readCertificate } from '../../../shared/identity/client-certificate';
import { parseListJobsQuery } from '../../../shared/surfaces/classic-import-export/list-jobs-query';
import { signSkipToken } from '../../../shared/surfaces/classic-import-export/skip-token';
import { CUSTOMER1, putBlob } from '../customer-blobs';
import { uniqueName } from '../datacenter';
import { lifecycle } from '../lifecycle';
import { newSubscription } from '../runtime';
import { exportJob, samplePutJob } from '../samples';
import type { TestService } from '../service';
import { RETURN_ADDRESS } from '../shipping';
import type { CustomerFixture } from './customer-calls';
import type { OperatorFixture } from './operator-calls';
import type { WatchedContainer } from './store-snapshot';

/**
 * The jobs the fuzzers aim at, set up over HTTP as customers and operators would: one per state
 * that matters, so that requests reach the deep checks (state windows, quota, tracking numbers).
 */

async function ok(res: Response | Promise<Response>, what: string): Promise<Response> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return r;
}

/** An import job of customer1 taken through its whole life with the sandbox's `advance`. */
async function completedImport(svc: TestService, name: string, drives: string[], states: string) {
  const life = lifecycle(() => svc);
  await life.putImport(CUSTOMER1.name, CUSTOMER1.key, name, drives, { ImportExportStatesPath: states });
  await life.customerMarksShipping(CUSTOMER1.name, name);
  for (let i = 0; i < 4; i++) await life.operator('POST', life.opPath(name, '/advance'));
}

/**
 * For the customer API: a service whose ACTIVE_JOB_LIMIT is 4 (start it so), filled by four
 * active jobs, so that no new job can be created whatever the body; plus a Completed one.
 */
export async function customerFixture(
  svc: TestService,
): Promise<{ f: CustomerFixture; watched: WatchedContainer[] }> {
  const states = uniqueName('fzstates');
  const put = (name: string, account: string, body: unknown) =>
    ok(svc.call('PUT', `/storageaccounts/${account}/jobs/${name}`, { body }), `Put ${name}`);
  await completedImport(svc, 'FzDone', ['FZD1'], states);
  await put('FzCreating', 'xttest', samplePutJob('FzCreating', 'xttest'));
  await put('FzExport', 'xttest', exportJob('FzExport'));
  await put('FzShipping', 'xttest', samplePutJob('FzShipping', 'xttest'));
  await put('FzOther', 'otheracct', samplePutJob('FzOther', 'otheracct'));
  const trackingNumber = 'TN-FUZZ-0001';
  await ok(
    svc.call('PATCH', '/storageaccounts/xttest/jobs/FzShipping', {
      body: {
        Properties: {
          State: 'Shipping',
          DeliveryPackage: { CarrierName: 'FedEx', TrackingNumber: trackingNumber },
        },
      },
    }),
    'ship FzShipping',
  );
  const day = 86_400_000;
  const expired = issueCertificate({
    commonName: 'fz expired',
    notBefore: new Date(Date.now() - 9 * day),
    notAfter: new Date(Date.now() - day),
  });
  const future = issueCertificate({
    commonName: 'fz future',
    notBefore: new Date(Date.now() + day),
    notAfter: new Date(Date.now() + 9 * day),
  });
  const foreign = issueCertificate({ commonName: 'fz foreign' });
  for (const c of [expired, future]) await svc.rt.certificates.put(svc.sub, readCertificate(c.derBase64)!);
  await svc.rt.certificates.put(newSubscription(), readCertificate(foreign.derBase64)!);
  // A genuine token of the listing `?$top=2`, as the service signs them (a next link needs 1,000+ jobs).
  const skipToken = signSkipToken(
    svc.rt.tokenKey,
    {
      subscriptionId: svc.sub,
      storageAccountName: 'xttest',
      query: parseListJobsQuery(new URLSearchParams('$top=2')).canonical,
    },
    { after: 'list_xttest_0', returned: 1 },
  );
  return {
    f: {
      sub: svc.sub,
      jobs: {
        creating: { name: 'FzCreating', account: 'xttest' },
        exportCreating: { name: 'FzExport', account: 'xttest' },
        shipping: { name: 'FzShipping', account: 'xttest' },
        other: { name: 'FzOther', account: 'otheracct' },
        completed: { name: 'FzDone', account: CUSTOMER1.name },
      },
      trackingNumber,
      certs: {
        valid: svc.cert.derBase64,
        refused: [
          issueCertificate({ commonName: 'fz stranger' }).derBase64,
          expired.derBase64,
          future.derBase64,
          foreign.derBase64,
        ],
      },
      skipToken,
    },
    watched: [{ account: CUSTOMER1.name, container: states }],
  };
}

/** For the operator API: a job in each state an action may meet, all on customer1. */
export async function operatorFixture(
  svc: TestService,
): Promise<{ f: OperatorFixture; watched: WatchedContainer[] }> {
  const life = lifecycle(() => svc);
  const states = uniqueName('fzopstates');
  const source = uniqueName('fzsource');
  const importJob = async (name: string, drives: string[], ship = true) => {
    await life.putImport(CUSTOMER1.name, CUSTOMER1.key, name, drives, { ImportExportStatesPath: states });
    if (ship) await life.customerMarksShipping(CUSTOMER1.name, name);
  };
  await importJob('OpCreating', ['OC1'], false);
  await importJob('OpShipping', ['OPS1', 'OPS2']);
  await importJob('OpTransferring', ['T1', 'T2']);
  await life.operator('POST', life.opPath('OpTransferring', '/receive'), {
    Drives: [{ DriveId: 'T1' }, { DriveId: 'T2' }],
  });
  await life.operator('POST', life.opPath('OpTransferring', '/drives/T1/start'));
  await completedImport(svc, 'OpCompleted', ['C1'], states);
  await importJob('OpFaulted', ['F1']);
  await life.operator('POST', life.opPath('OpFaulted', '/fault'), { Reason: 'fixture' });
  await putBlob(CUSTOMER1.name, source, 'a.bin', 100);
  await ok(
    svc.call('PUT', `/storageaccounts/${CUSTOMER1.name}/jobs/OpExport`, {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Export',
          ImportExportStatesPath: states,
          ReturnAddress: RETURN_ADDRESS,
        },
        Export: { BlobList: { BlobPathPrefix: [`/${source}/`] } },
      },
    }),
    'Put OpExport',
  );
  await life.customerMarksShipping(CUSTOMER1.name, 'OpExport');
  await life.operator('POST', life.opPath('OpExport', '/receive'), {
    Drives: [{ DriveId: 'BLANK-1', CapacityBytes: 1_000_000 }],
  });
  const stranger = issueCertificate({ commonName: 'fz unregistered' });
  return {
    f: {
      sub: svc.sub,
      key: svc.rt.config.operatorKeys[0] ?? '',
      jobs: {
        creating: { name: 'OpCreating', driveIds: ['OC1'] },
        shipping: { name: 'OpShipping', driveIds: ['OPS1', 'OPS2'] },
        transferring: { name: 'OpTransferring', driveIds: ['T1', 'T2'] },
        completed: { name: 'OpCompleted', driveIds: ['C1'] },
        exportReceived: { name: 'OpExport', driveIds: ['BLANK-1'] },
        faulted: { name: 'OpFaulted', driveIds: ['F1'] },
      },
      certificate: { derBase64: stranger.derBase64, thumbprint: stranger.thumbprint },
    },
    watched: [
      { account: CUSTOMER1.name, container: states },
      { account: CUSTOMER1.name, container: source },
    ],
  };
}
