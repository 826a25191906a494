import { defineClassicJob } from './classic-jobs';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/import-export/model/locations';
import type { Drive, Job } from '../../shared/import-export/model/model';
import { samplePutJob } from './samples';

const locations = new Locations(DEFAULT_LOCATIONS);
export const T0 = new Date('2024-01-01T00:00:00.000Z');

/** The seed's sample import job (two drives), as the domain holds it, for pure tests. */
export function importJob(overrides: Partial<Job> = {}): Job {
  const job = defineClassicJob(
    samplePutJob('MySampleJob', 'xttest') as never,
    {
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      storageAccountName: 'xttest',
      jobName: 'MySampleJob',
    },
    '2014-11-01',
    locations,
    T0,
  );
  return { ...job, ...overrides };
}

export const drive = (DriveId: string, overrides: Partial<Drive> = {}): Drive => ({
  DriveId,
  State: 'Received',
  ...overrides,
});
