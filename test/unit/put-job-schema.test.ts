import { parseJsonBody } from '../../shared/edge/body';
import {
  PutJobBodySchema,
  isRecoveryPassword,
} from '../../shared/surfaces/classic-import-export/wire/put-job.schema';
import { samplePutJob } from '../support/samples';

const parse = (body: unknown) => parseJsonBody(Buffer.from(JSON.stringify(body)), PutJobBodySchema);
const fails = (body: unknown, code: string, where?: string) => {
  expect(() => parse(body)).toThrow(
    expect.objectContaining({ code, ...(where !== undefined && { detail: where }) }),
  );
};
const edit = (f: (d: any) => void) => {
  const d: any = samplePutJob();
  f(d);
  return d;
};

describe('the Put Job body schema', () => {
  it('accepts the seed sample and drops its annotations', () => {
    const parsed = parse(samplePutJob());
    expect(parsed).not.toHaveProperty(['odata.type']);
    expect(parsed.Properties.Type).toBe('Import');
  });

  it('ignores annotations at any level', () => {
    expect(() => parse(edit((d) => (d.Properties['ReturnAddress@odata.type'] = 'x')))).not.toThrow();
  });

  it('names the JSON path of a schema violation', () => {
    fails(
      edit((d) => delete d.Properties.ReturnAddress.Phone),
      'InvalidRequestBody',
      'Properties.ReturnAddress.Phone',
    );
    fails(
      edit((d) => (d.Properties.EnableVerboseLog = 'yes')),
      'InvalidRequestBody',
      'Properties.EnableVerboseLog',
    );
    fails(
      edit((d) => (d.Properties.Type = 'Both')),
      'InvalidRequestBody',
      'Properties.Type',
    );
    fails(
      edit((d) => (d.Properties.Surprise = 1)),
      'InvalidRequestBody',
      'Properties.Surprise',
    );
    fails(
      edit((d) => (d.Properties.FriendlyName = 'x'.repeat(257))),
      'InvalidRequestBody',
      'Properties.FriendlyName',
    );
    fails(
      edit((d) => (d.Properties.Description = 'x'.repeat(1025))),
      'InvalidRequestBody',
      'Properties.Description',
    );
    fails(
      edit((d) => delete d.Properties.Location),
      'InvalidRequestBody',
      'Properties.Location',
    );
  });

  it('reports drive format errors as InvalidDriveList', () => {
    fails(
      edit((d) => (d.DriveList[0].ManifestHash = 'XYZ')),
      'InvalidDriveList',
      'DriveList[0].ManifestHash',
    );
    fails(
      edit((d) => (d.DriveList[1].DriveId = 'has space')),
      'InvalidDriveList',
      'DriveList[1].DriveId',
    );
    fails(
      edit((d) => (d.DriveList[0].BitLockerKey = '123456-123456')),
      'InvalidDriveList',
      'DriveList[0].BitLockerKey',
    );
  });

  it('refuses a body that is not JSON, not an object, or empty', () => {
    expect(() => parseJsonBody(Buffer.from('{'), PutJobBodySchema)).toThrow(
      expect.objectContaining({ code: 'InvalidRequestBody' }),
    );
    expect(() => parseJsonBody(Buffer.from('[]'), PutJobBodySchema)).toThrow(
      expect.objectContaining({ code: 'InvalidRequestBody' }),
    );
    expect(() => parseJsonBody(Buffer.alloc(0), PutJobBodySchema)).toThrow(
      expect.objectContaining({ code: 'InvalidRequestBody' }),
    );
  });

  it('knows BitLocker recovery passwords', () => {
    expect(isRecoveryPassword('259358-100188-581471-154165-090552-296406-410091-426844')).toBe(true);
    expect(isRecoveryPassword('259359-100188-581471-154165-090552-296406-410091-426844')).toBe(false);
    expect(isRecoveryPassword('720896-100188-581471-154165-090552-296406-410091-426844')).toBe(false);
  });
});
