import { CUSTOMER1 } from '../support/customer-blobs';
import { samplePutJob } from '../support/samples';
import { armImportBody, startArmService, type ArmService } from '../support/arm';

/** One stored job, two views (docs/arm-import-export.md#d): ARM, classic and the operator's sandbox. */
let arm: ArmService;
let oid: string;
beforeAll(async () => {
  arm = await startArmService();
  oid = await arm.grant();
});
afterAll(() => arm.stop());

it('shows an ARM-created job to classic Get Job under its storage account, in classic vocabulary', async () => {
  await arm.client(oid).jobs.create('armMade', 'crossRg', armImportBody(arm.svc.sub));
  const res = await arm.classic('GET', '/storageaccounts/customer1/jobs/armMade');
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    Properties: Record<string, unknown>;
    DriveList: Record<string, unknown>[];
  };
  expect(body.Properties).toMatchObject({
    Location: 'West US',
    Type: 'Import',
    State: 'Creating',
    ImportExportStatesPath: 'waimportexport',
    EnableVerboseLog: true,
    BackupDriveManifest: true,
    ReturnAddress: {
      Name: 'Test',
      Address: 'Street1;street2;Redmond;wa;98007;USA',
      Phone: '4250000000',
      Email: 'Test@contoso.com',
    },
  });
  expect(body.Properties).not.toHaveProperty('Tags');
  expect(body.DriveList[0]).toMatchObject({ DriveId: '9CA995BB', State: 'Specified' });
  expect(body.DriveList[0]).not.toHaveProperty('DriveHeaderHash');
});

it('shows a classic-created job on ARM in the classic resource group, and keeps classic-only fields across an ARM PATCH', async () => {
  const put = await arm.classic('PUT', '/storageaccounts/customer1/jobs/classicMade', {
    ...samplePutJob('classicMade', 'customer1'),
  });
  expect(put.status).toBe(201);
  const client = arm.client(oid);
  const job = await client.jobs.get('classicMade', 'classic');
  expect(job).toMatchObject({
    id: `/subscriptions/${arm.svc.sub}/resourceGroups/classic/providers/Microsoft.ImportExport/jobs/classicMade`,
    systemData: { createdByType: 'Key' },
    properties: {
      storageAccountId: `/subscriptions/${arm.svc.sub}/resourceGroups/classic/providers/Microsoft.ClassicStorage/storageAccounts/customer1`,
      provisioningState: 'Succeeded',
      encryptionKey: { kekType: 'MicrosoftManaged' },
    },
  });
  await expect(
    client.jobs.create('classicMade', 'elsewhere', armImportBody(arm.svc.sub) as never),
  ).rejects.toMatchObject({
    statusCode: 409,
    code: 'JobAlreadyExists',
  });
  await client.jobs.update('classicMade', 'classic', { logLevel: 'Verbose' });
  const after = (await (await arm.classic('GET', '/storageaccounts/customer1/jobs/classicMade')).json()) as {
    Properties: Record<string, unknown>;
  };
  expect(after.Properties).toMatchObject({ EnableVerboseLog: true, FriendlyName: expect.any(String) });
});

it('lets the operator sandbox drive an ARM job with a registered credential, and ARM shows each step', async () => {
  const client = arm.client(oid);
  await client.jobs.create('armSandbox', 'crossRg', armImportBody(arm.svc.sub));
  await client.jobs.update('armSandbox', 'crossRg', {
    state: 'Shipping',
    deliveryPackage: {
      carrierName: 'FedEx',
      trackingNumber: 'SANDBOX-1',
      driveCount: 1,
      shipDate: '1/1/2026',
    },
  });
  const cred = await arm.operator(
    'PUT',
    `/subscriptions/${arm.svc.sub}/storageaccounts/customer1/credential`,
    {
      StorageAccountKey: CUSTOMER1.key,
    },
  );
  expect(cred.status).toBe(201);
  expect(
    await (
      await arm.operator('GET', `/subscriptions/${arm.svc.sub}/storageaccounts/customer1/credential`)
    ).json(),
  ).toEqual({
    Kind: 'StorageAccountKey',
  });
  const states: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await arm.operator('POST', `/subscriptions/${arm.svc.sub}/jobs/armSandbox/advance`);
    expect([i, res.status]).toEqual([i, 200]);
    states.push((await client.jobs.get('armSandbox', 'crossRg')).properties?.state ?? '');
    if (states[states.length - 1] === 'Completed') break;
  }
  expect(states[0]).toBe('Received');
  expect(states).toContain('Transferring');
  expect(states[states.length - 1]).toBe('Completed');
  const done = await client.jobs.get('armSandbox', 'crossRg');
  expect(done.properties?.driveList?.[0]).toMatchObject({
    state: 'ShippedBack',
    bytesSucceeded: expect.any(Number),
  });
  expect((done.properties as Record<string, unknown>).expiresAt).toEqual(expect.any(String));
});
