import { armImportBody, CLOSED_LOCATIONS, startArmService, type ArmService } from '../support/arm';
import { samplePutJob } from '../support/samples';

/**
 * The new-job rules both APIs share (one rule set, customer/new-job-rules.ts), each answered in
 * its surface's own words: the classic bytes of docs/contract/import-export.md#a5, ARM's wire paths
 * of docs/arm-import-export.md#c3.
 */

let arm: ArmService;
let token: string;
beforeAll(async () => {
  arm = await startArmService({ LOCATIONS: CLOSED_LOCATIONS });
  token = await arm.token(await arm.grant());
});
afterAll(() => arm.stop());

type Edit = (d: any) => void;
const drive = (id: string) => ({
  DriveId: id,
  BitLockerKey: '238810-662376-448998-450120-652806-203390-606320-483076',
  ManifestFile: '\\x.manifest',
  ManifestHash: '4228EC5D8E048CB9B515338C789314BE',
});

async function classicError(name: string, edit: Edit) {
  const body: any = samplePutJob(name, 'rulesacct');
  body.Properties.Location = 'West US';
  edit(body);
  const res = await arm.classic('PUT', `/storageaccounts/rulesacct/jobs/${name}`, body);
  const e = ((await res.json()) as any)['odata.error'];
  return [
    res.status,
    e['azure.values'][0].ExtendedCode,
    e.message.value,
    e['azure.values'][1].ExtendedInformation,
  ];
}

async function armError(name: string, edit: Edit) {
  const body: any = armImportBody(arm.svc.sub, 'rulesacct');
  edit(body);
  const res = await fetch(
    `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/rules/providers/Microsoft.ImportExport/jobs/${name}?api-version=2021-01-01`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
  );
  return [res.status, ((await res.json()) as any).error];
}

const armDrive = (id: string) => ({ ...armImportBody('x').properties.driveList[0]!, driveId: id });

it.each<[string, Edit, Edit, unknown[], Record<string, unknown>]>([
  [
    'an unknown location',
    (d) => (d.Properties.Location = 'Atlantis'),
    (d) => (d.location = 'Atlantis'),
    [400, 'InvalidLocation', '"Atlantis" is not a known location; List Locations names them.', 'Atlantis'],
    {
      code: 'InvalidLocation',
      message: "The location 'Atlantis' is not a known location.",
      target: 'location',
    },
  ],
  [
    'a closed location',
    (d) => (d.Properties.Location = 'Old DC'),
    (d) => (d.location = 'olddc'),
    [400, 'LocationClosed', '"Old DC" takes no new jobs; use one of: westus.', 'Old DC'],
    {
      code: 'LocationClosed',
      message: "The location 'Old DC' takes no new jobs; use one of: westus.",
      target: 'location',
      details: [
        {
          code: 'AlternateLocation',
          target: 'location',
          message: "Use '/providers/Microsoft.ImportExport/locations/westus'.",
        },
      ],
    },
  ],
  [
    'an import without drives',
    (d) => (d.DriveList = []),
    (d) => (d.properties.driveList = []),
    [400, 'InvalidDriveList', 'An import job needs a DriveList of 1 to 10 drives.', ''],
    {
      code: 'InvalidDriveList',
      message: 'An import job needs a driveList of 1 to 10 drives.',
      target: 'properties.driveList',
    },
  ],
  [
    'eleven drives',
    (d) => (d.DriveList = Array.from({ length: 11 }, (_, i) => drive(`D${i}`))),
    (d) => (d.properties.driveList = Array.from({ length: 11 }, (_, i) => armDrive(`D${i}`))),
    [400, 'InvalidDriveList', 'A job has at most 10 drives.', '11 drives'],
    {
      code: 'InvalidDriveList',
      message: 'An import job needs a driveList of 1 to 10 drives.',
      target: 'properties.driveList',
    },
  ],
  [
    'a drive named twice, in any case',
    (d) => (d.DriveList = [drive('AB12'), drive('ab12')]),
    (d) => (d.properties.driveList = [armDrive('AB12'), armDrive('ab12')]),
    [400, 'InvalidDriveList', 'A DriveId appears twice in the DriveList.', 'ab12'],
    {
      code: 'InvalidDriveList',
      message: "Drive 'ab12' appears twice.",
      target: 'properties.driveList[1].driveId',
    },
  ],
  [
    'an import with an export selection',
    (d) => (d.Export = { BlobList: { BlobPathPrefix: ['/'] } }),
    (d) => (d.properties.export = { blobList: { blobPathPrefix: ['/'] } }),
    [400, 'InvalidExportBlobList', 'An import job has no Export selection.', ''],
    {
      code: 'InvalidExportBlobList',
      message: 'An import job has no export member.',
      target: 'properties.export',
    },
  ],
])('words %s in each API its own way', async (_what, classicEdit, armEdit, classic, armErr) => {
  const name = `rule${Math.random().toString(36).slice(2, 10)}`;
  expect(await classicError(name, classicEdit)).toEqual(classic);
  expect(await armError(name, armEdit)).toEqual([400, armErr]);
});

it('defaults the states path the same way on both APIs', async () => {
  const body: any = samplePutJob('defaultpath', 'rulesacct');
  body.Properties.Location = 'West US';
  expect((await arm.classic('PUT', '/storageaccounts/rulesacct/jobs/defaultpath', body)).status).toBe(201);
  const got = (await (await arm.classic('GET', '/storageaccounts/rulesacct/jobs/defaultpath')).json()) as any;
  expect(got.Properties.ImportExportStatesPath).toBe('waimportexport');
  const a: any = armImportBody(arm.svc.sub, 'rulesacct');
  delete a.properties.diagnosticsPath;
  const res = await fetch(
    `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/rules/providers/Microsoft.ImportExport/jobs/defaultpatharm?api-version=2021-01-01`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(a),
    },
  );
  expect(((await res.json()) as any).properties.diagnosticsPath).toBe('waimportexport');
});

it('refuses a PATCH of drives on an export job with the shared rule, in ARM words', async () => {
  const url = `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/rules/providers/Microsoft.ImportExport/jobs/exportpatch?api-version=2021-01-01`;
  const send = (method: string, body: unknown) =>
    fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const base: any = armImportBody(arm.svc.sub, 'rulesacct');
  const { driveList: _drives, ...rest } = base.properties;
  const created = await send('PUT', {
    ...base,
    properties: { ...rest, jobType: 'Export', export: { blobList: { blobPathPrefix: ['/'] } } },
  });
  expect(created.status).toBe(201);
  const res = await send('PATCH', { properties: { driveList: [armDrive('AB12')] } });
  expect([res.status, ((await res.json()) as any).error]).toEqual([
    400,
    {
      code: 'InvalidDriveList',
      message: 'An export job has no driveList: its drives are registered when they arrive.',
      target: 'properties.driveList',
    },
  ]);
});
