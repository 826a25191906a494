import { armImportBody, startArmService, type ArmService } from '../support/arm';

/** Microsoft's generated client (@azure/arm-storageimportexport 2.1.0) over HTTPS with a development token. */
let arm: ArmService;
let oid: string;
beforeAll(async () => {
  arm = await startArmService();
  oid = await arm.grant();
});
afterAll(() => arm.stop());

const statusOf = () => {
  const seen = { status: 0 };
  return { seen, onResponse: (r: { status: number }) => void (seen.status = r.status) };
};

describe('jobs through the generated client', () => {
  it('creates (201), re-puts (200), gets, lists and deletes an import job', async () => {
    const client = arm.client(oid);
    const created = statusOf();
    const job = await client.jobs.create('myJob', 'myResourceGroup', armImportBody(arm.svc.sub), {
      onResponse: created.onResponse,
    });
    expect(created.seen.status).toBe(201);
    expect(job).toMatchObject({
      name: 'myJob',
      type: 'Microsoft.ImportExport/jobs',
      location: 'West US',
      identity: { type: 'None' },
      id: `/subscriptions/${arm.svc.sub}/resourceGroups/myResourceGroup/providers/Microsoft.ImportExport/jobs/myJob`,
      systemData: { createdBy: oid, createdByType: 'User' },
      properties: {
        jobType: 'Import',
        state: 'Creating',
        cancelRequested: false,
        logLevel: 'Verbose',
        provisioningState: 'Succeeded',
        encryptionKey: { kekType: 'MicrosoftManaged' },
        shippingInformation: { recipientName: expect.any(String), city: 'Santa Clara' },
      },
    });
    expect(job.properties?.driveList?.[0]).toEqual({
      driveId: '9CA995BB',
      manifestFile: '\\8a0c23f7-14b7-470a-9633-fcd46590a1bc.manifest',
      manifestHash: '4228EC5D8E048CB9B515338C789314BE8D0B2FDBC7C7A0308E1C826242CDE74E',
      driveHeaderHash: '0:1048576:FB6B;135266304:143360:C957',
      state: 'Specified',
    });
    const again = statusOf();
    await client.jobs.create('myJob', 'myResourceGroup', armImportBody(arm.svc.sub), {
      onResponse: again.onResponse,
    });
    expect(again.seen.status).toBe(200);
    const got = await client.jobs.get('myJob', 'myResourceGroup');
    expect(got.properties?.returnAddress).toEqual(armImportBody(arm.svc.sub).properties.returnAddress);
    const listed = [];
    for await (const j of client.jobs.listByResourceGroup('myresourcegroup')) listed.push(j);
    expect(listed.map((j) => j.name)).toEqual(['myJob']);
    expect(listed[0]?.properties?.driveList).toBeUndefined();
    const bySub = [];
    for await (const j of client.jobs.listBySubscription()) bySub.push(j.name);
    expect(bySub).toContain('myJob');
    const keys = [];
    for await (const k of client.bitLockerKeys.list('myJob', 'myResourceGroup')) keys.push(k);
    expect(keys).toEqual([
      { driveId: '9CA995BB', bitLockerKey: '238810-662376-448998-450120-652806-203390-606320-483076' },
    ]);
    const deleted = statusOf();
    await client.jobs.delete('myJob', 'myResourceGroup', { onResponse: deleted.onResponse });
    expect(deleted.seen.status).toBe(200);
    await expect(client.jobs.get('myJob', 'myResourceGroup')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    await client.jobs.delete('myJob', 'myResourceGroup');
  });

  it('creates export jobs in both selection forms, with tags and a customer-managed key; no keys before shipping', async () => {
    const client = arm.client(oid);
    const storageAccountId = armImportBody(arm.svc.sub).properties.storageAccountId;
    const byPath = await client.jobs.create('exportPaths', 'exports', {
      location: 'westus',
      tags: { team: 'data' },
      properties: {
        storageAccountId,
        jobType: 'Export',
        export: { blobPath: ['container/a.vhd'], blobPathPrefix: ['/logs/'] },
        encryptionKey: { kekType: 'CustomerManaged', kekUrl: 'https://vault.example/keys/k/1' },
      },
    });
    expect(byPath).toMatchObject({
      location: 'West US',
      tags: { team: 'data' },
      properties: {
        jobType: 'Export',
        export: { blobPath: ['container/a.vhd'], blobPathPrefix: ['/logs/'] },
        driveList: [],
        encryptionKey: { kekType: 'CustomerManaged', kekUrl: 'https://vault.example/keys/k/1' },
      },
    });
    const byList = await client.jobs.create('exportListBlob', 'exports', {
      location: 'westus',
      properties: { storageAccountId, jobType: 'Export', export: { blobListBlobPath: 'lists/blobs.xml' } },
    });
    expect(byList.properties?.export).toEqual({ blobListBlobPath: 'lists/blobs.xml' });
    const keys = [];
    for await (const k of client.bitLockerKeys.list('exportPaths', 'exports')) keys.push(k);
    expect(keys).toEqual([]);
  });

  it('honours the apiVersion 2020-08-01, clientTenantId and acceptLanguage options', async () => {
    const client = arm.client(oid, { apiVersion: '2020-08-01', acceptLanguage: 'fr-FR' });
    const job = await client.jobs.create('optioned', 'options', armImportBody(arm.svc.sub), {
      clientTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(job.systemData?.createdBy).toBe(oid);
    expect(job.properties?.shippingInformation?.additionalInformation).toBe('');
    await expect(
      client.jobs.create('optioned2', 'options', { ...armImportBody(arm.svc.sub), location: 'Atlantis' }),
    ).rejects.toMatchObject({
      code: 'InvalidLocation',
      message: "The location 'Atlantis' is not a known location.",
    });
  });

  it('answers 404 ResourceNotFound to update and listBitLockerKeys of an absent job', async () => {
    const client = arm.client(oid);
    await expect(client.jobs.update('noSuchJob', 'rg', { logLevel: 'Error' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    await expect(client.bitLockerKeys.list('noSuchJob', 'rg').next()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  it('refuses malformed path segments the client passes through unchecked', async () => {
    const client = arm.client(oid);
    await expect(client.jobs.get('1bad', 'rg')).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidJobName',
    });
    await expect(client.jobs.get('good', 'rg.')).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidResourceGroupName',
    });
    await expect(arm.client(oid, { sub: 'not-a-guid' }).jobs.get('good', 'rg')).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidSubscriptionId',
    });
  });

  it('makes PUT create-only with If-None-Match: *, and answers 412 to If-Match on an absent job, DELETE included', async () => {
    const client = arm.client(oid);
    const createOnly = { requestOptions: { customHeaders: { 'If-None-Match': '*' } } };
    const anyEtag = { requestOptions: { customHeaders: { 'If-Match': '*' } } };
    await client.jobs.create('conditional', 'conditions', armImportBody(arm.svc.sub), createOnly);
    await expect(
      client.jobs.create('conditional', 'conditions', armImportBody(arm.svc.sub), createOnly),
    ).rejects.toMatchObject({ statusCode: 412, code: 'ConditionNotMet' });
    await expect(client.jobs.delete('absentJob', 'conditions', anyEtag)).rejects.toMatchObject({
      statusCode: 412,
      code: 'ConditionNotMet',
    });
    await expect(
      client.jobs.update('absentJob', 'conditions', { logLevel: 'Error' }, anyEtag),
    ).rejects.toMatchObject({ statusCode: 412, code: 'ConditionNotMet' });
    await client.jobs.delete('conditional', 'conditions', anyEtag);
  });

  it('takes a customer-managed key only with an https kekUrl, and never goes back to MicrosoftManaged', async () => {
    const client = arm.client(oid);
    const body = armImportBody(arm.svc.sub);
    const withKey = (encryptionKey: { kekType: string; kekUrl?: string }) => ({
      ...body,
      properties: { ...body.properties, encryptionKey },
    });
    await expect(
      client.jobs.create(
        'keyed',
        'keys',
        withKey({ kekType: 'CustomerManaged', kekUrl: 'http://vault/keys/k' }),
      ),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidRequestContent' });
    await client.jobs.create('keyed', 'keys', withKey({ kekType: 'MicrosoftManaged' }));
    await client.jobs.update('keyed', 'keys', {
      state: 'Shipping',
      deliveryPackage: { carrierName: 'FedEx', trackingNumber: '1Z999', driveCount: 1, shipDate: '1/1/2026' },
    });
    const cmk = withKey({ kekType: 'CustomerManaged', kekUrl: 'https://vault.example/keys/k/1' });
    expect((await client.jobs.create('keyed', 'keys', cmk)).properties?.encryptionKey?.kekType).toBe(
      'CustomerManaged',
    );
    await expect(
      client.jobs.create('keyed', 'keys', withKey({ kekType: 'MicrosoftManaged' })),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'InvalidJobState',
    });
  });

  it('validates PUT members with their wire path as target (C.3), and reads enums case-insensitively', async () => {
    const client = arm.client(oid);
    const body = armImportBody(arm.svc.sub);
    const withProps = (props: Record<string, unknown>) => ({
      ...body,
      properties: { ...body.properties, ...props },
    });
    const drive = body.properties.driveList[0]!;
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { storageAccountId: body.properties.storageAccountId.replace('customer1', 'Customer_1') },
        'InvalidStorageAccountId',
        'properties.storageAccountId',
      ],
      [{ jobType: 'Copy' }, 'InvalidJobType', 'properties.jobType'],
      [{ diagnosticsPath: 'Bad_Path' }, 'InvalidDiagnosticsPath', 'properties.diagnosticsPath'],
      [{ logLevel: 'Loud' }, 'InvalidLogLevel', 'properties.logLevel'],
      [{ driveList: [drive, { ...drive }] }, 'InvalidDriveList', 'properties.driveList[1].driveId'],
    ];
    for (const [props, code, target] of cases) {
      await expect(client.jobs.create('validated', 'validation', withProps(props))).rejects.toMatchObject({
        statusCode: 400,
        code,
        details: { target },
      });
    }
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']));
    await expect(client.jobs.create('validated', 'validation', { ...body, tags })).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidRequestContent',
    });
    const classicStorage = body.properties.storageAccountId.replace(
      'Microsoft.Storage',
      'Microsoft.ClassicStorage',
    );
    const job = await client.jobs.create(
      'validated',
      'validation',
      withProps({ jobType: 'import', logLevel: 'verbose', storageAccountId: classicStorage }),
    );
    expect(job.properties).toMatchObject({
      jobType: 'Import',
      logLevel: 'Verbose',
      storageAccountId: classicStorage,
    });
  });

  it('refuses a delivery package whose tracking number another active job of the subscription uses', async () => {
    const client = arm.client(oid);
    const pkg = { carrierName: 'FedEx', trackingNumber: 'TRACK-ONCE', driveCount: 1, shipDate: '1/1/2026' };
    await client.jobs.create('trackA', 'tracking', armImportBody(arm.svc.sub));
    await client.jobs.create('trackB', 'tracking', armImportBody(arm.svc.sub));
    await client.jobs.update('trackA', 'tracking', { deliveryPackage: pkg });
    await expect(client.jobs.update('trackB', 'tracking', { deliveryPackage: pkg })).rejects.toMatchObject({
      statusCode: 409,
      code: 'InvalidJobState',
    });
    expect((await client.jobs.get('trackB', 'tracking')).properties?.deliveryPackage).toBeUndefined();
  });

  it('surfaces ARM errors as RestError codes', async () => {
    const client = arm.client(oid);
    const body = armImportBody(arm.svc.sub);
    const err = await client.jobs
      .create('badJob', 'rg', { ...body, location: 'Atlantis' })
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('RestError');
    expect(err).toMatchObject({ statusCode: 400, code: 'InvalidLocation' });
  });

  it('lets an ungranted principal read locations and operations only (403 AuthorizationFailed on jobs), and answers 401 to a bad token', async () => {
    const stranger = arm.client('11111111-2222-4333-8444-555555555555');
    expect((await stranger.locations.get('westus')).name).toBe('West US');
    for await (const op of stranger.operations.list()) expect(op.name).toMatch(/^Microsoft\.ImportExport\//);
    await expect(stranger.jobs.get('anyJob', 'rg')).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    const res = await fetch(
      `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/rg/providers/Microsoft.ImportExport/jobs/anyJob?api-version=2021-01-01`,
      {
        headers: { authorization: 'Bearer not-a-token' },
      },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer authorization_uri="urn:importexport:dev", error="invalid_token"/,
    );
    expect(await res.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });
});
