import { defineClassicJob } from '../support/classic-jobs';
import {
  applyPatch,
  mayChange,
  PROPERTY_WINDOWS,
  type JobPatch,
  type PatchProperty,
} from '../../shared/import-export/customer/job-patch';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/import-export/model/locations';
import { JOB_STATES, type Job, type JobState } from '../../shared/import-export/model/model';
import { ImportExportError } from '../../shared/import-export/model/errors';
import { normaliseTrackingNumber, trackingClaimOf } from '../../shared/import-export/model/tracking-numbers';
import { samplePutJob } from '../support/samples';

const CREATED = new Date('2024-03-01T00:00:00.000Z');
const NOW = new Date('2024-03-05T12:00:00.000Z');
const PACKAGE = {
  CarrierName: 'FedEx',
  TrackingNumber: '999999999999',
  DriveCount: 2,
  ShipDate: '4/30/2014',
};

function job(state: JobState = 'Creating', change: Partial<Job> = {}): Job {
  const base = defineClassicJob(
    samplePutJob('MySampleJob') as any,
    { subscriptionId: 'sub', storageAccountName: 'xttest', jobName: 'MySampleJob' },
    '2014-11-01',
    new Locations(DEFAULT_LOCATIONS),
    CREATED,
  );
  return { ...base, State: state, ...change };
}

/** One valid value per property, in a job that has what State: Shipping needs. */
const VALUES: Required<JobPatch> = {
  FriendlyName: 'renamed',
  Description: 'described',
  Metadata: 'meta',
  State: 'Shipping',
  CancelRequested: true,
  ReturnAddress: { Name: 'A', Address: 'B', Phone: 'C', Email: 'D' },
  ReturnShipping: { CarrierName: 'FedEx', CarrierAccountNumber: '123' },
  DeliveryPackage: PACKAGE,
  EnableVerboseLog: false,
  BackupDriveManifest: false,
};

/** docs/contract/import-export.md#a7's table, written out independently of PROPERTY_WINDOWS. */
const ALLOWED: Record<PatchProperty, readonly JobState[]> = {
  FriendlyName: JOB_STATES,
  Description: JOB_STATES,
  Metadata: JOB_STATES,
  State: ['Creating'],
  CancelRequested: ['Creating', 'Shipping', 'Received', 'Transferring'],
  ReturnAddress: ['Creating', 'Shipping', 'Received', 'Transferring'],
  ReturnShipping: ['Creating', 'Shipping', 'Received', 'Transferring'],
  EnableVerboseLog: ['Creating', 'Shipping', 'Received', 'Transferring'],
  BackupDriveManifest: ['Creating', 'Shipping', 'Received', 'Transferring'],
  DeliveryPackage: ['Creating', 'Shipping'],
};

const pairs = (Object.keys(VALUES) as PatchProperty[]).flatMap((property) =>
  JOB_STATES.map((state) => [property, state, ALLOWED[property].includes(state)] as const),
);

describe('the property-by-state table of docs/contract/import-export.md#a7', () => {
  it('PROPERTY_WINDOWS is the table', () => {
    expect(PROPERTY_WINDOWS).toEqual(ALLOWED);
  });

  it.each(pairs)('%s while %s: allowed = %s', (property, state, allowed) => {
    const before = job(state, { DeliveryPackage: PACKAGE });
    const patch = { [property]: VALUES[property] } as JobPatch;
    if (allowed) {
      const after = applyPatch(before, patch, NOW);
      if (property === 'State') expect(after.State).toBe('Shipping');
      else if (property === 'CancelRequested') expect(after.CancelRequested).toBe(true);
      else expect(after[property]).toEqual(VALUES[property]);
    } else {
      expect(() => applyPatch(before, patch, NOW)).toThrow(
        expect.objectContaining({ code: 'InvalidJobState', detail: `Properties.${property}` }),
      );
    }
  });
});

describe('applyPatch', () => {
  it('is all or nothing: one property outside its window refuses the whole update', () => {
    const before = job('Received');
    const attempt = () => applyPatch(before, { FriendlyName: 'x', DeliveryPackage: PACKAGE }, NOW);
    expect(attempt).toThrow(ImportExportError);
    expect(before.FriendlyName).toBe('A sample job using Windows Azure Import/Export service.');
  });

  it('moves to Shipping when ReturnAddress and DeliveryPackage come in the same request', () => {
    const after = applyPatch(
      job('Creating', { ReturnAddress: undefined }),
      {
        State: 'Shipping',
        ReturnAddress: VALUES.ReturnAddress,
        DeliveryPackage: PACKAGE,
      },
      NOW,
    );
    expect(after.State).toBe('Shipping');
    expect(after.ClockStart).toBe(NOW.toISOString());
  });

  it('moves to Shipping with a DeliveryPackage set by an earlier update', () => {
    const after = applyPatch(job('Creating', { DeliveryPackage: PACKAGE }), { State: 'Shipping' }, NOW);
    expect(after.State).toBe('Shipping');
  });

  it.each([
    ['DeliveryPackage', { DeliveryPackage: undefined }],
    ['ReturnAddress', { ReturnAddress: undefined, DeliveryPackage: PACKAGE }],
    ['ReturnAddress, Properties.DeliveryPackage', { ReturnAddress: undefined }],
  ])('State: Shipping without %s is ShippingInformationIncomplete', (missing, change) => {
    expect(() => applyPatch(job('Creating', change), { State: 'Shipping' }, NOW)).toThrow(
      expect.objectContaining({ code: 'ShippingInformationIncomplete', detail: `Properties.${missing}` }),
    );
  });

  it('restarts the two-week clock for any update while Creating', () => {
    const after = applyPatch(job('Creating'), { Description: 'd' }, NOW);
    expect(after.ClockStart).toBe(NOW.toISOString());
    expect(after.CreatedTime).toBe(CREATED.toISOString());
  });

  it('leaves the clock alone in any other state', () => {
    for (const state of JOB_STATES.filter((s) => s !== 'Creating')) {
      expect(applyPatch(job(state), { Description: 'd' }, NOW).ClockStart).toBe(CREATED.toISOString());
    }
  });

  it('sets CancelRequested and keeps the state (docs/contract/import-export.md#a8)', () => {
    const after = applyPatch(job('Transferring'), { CancelRequested: true }, NOW);
    expect(after).toMatchObject({ State: 'Transferring', CancelRequested: true });
  });

  it('refuses DeliveryPackage in Shipping once a drive has arrived, and allows it before', () => {
    const shipping = job('Shipping');
    expect(mayChange(shipping, 'DeliveryPackage')).toBe(true);
    const arrived = { ...shipping, DriveList: [{ ...shipping.DriveList[0]!, State: 'Received' as const }] };
    expect(mayChange(arrived, 'DeliveryPackage')).toBe(false);
    expect(() => applyPatch(arrived, { DeliveryPackage: PACKAGE }, NOW)).toThrow(
      expect.objectContaining({ code: 'InvalidJobState', message: expect.stringContaining('arrived') }),
    );
    const overdue = {
      ...shipping,
      DriveList: shipping.DriveList.map((d) => ({ ...d, State: 'NeverReceived' as const })),
    };
    expect(mayChange(overdue, 'DeliveryPackage')).toBe(true);
  });

  it('changes nothing it was not asked to', () => {
    const before = job('Shipping', { DeliveryPackage: PACKAGE });
    const after = applyPatch(before, { Metadata: 'm' }, NOW);
    expect(after).toEqual({ ...before, Metadata: 'm' });
  });
});

describe('tracking numbers', () => {
  it('compare without whitespace and case', () => {
    expect(normaliseTrackingNumber(' 1z 999 aa ')).toBe('1Z999AA');
  });

  it('are held by active jobs only', () => {
    expect(trackingClaimOf(job('Shipping', { DeliveryPackage: PACKAGE }))).toBe('999999999999');
    expect(trackingClaimOf(job('Faulted', { DeliveryPackage: PACKAGE }))).toBe('999999999999');
    expect(trackingClaimOf(job('Completed', { DeliveryPackage: PACKAGE }))).toBeUndefined();
    expect(trackingClaimOf(job('Closed', { DeliveryPackage: PACKAGE }))).toBeUndefined();
    expect(trackingClaimOf(job('Creating'))).toBeUndefined();
  });
});
