import type { JobAddress } from '../../shared/import-export/customer/new-job';
import { defineJob } from '../../shared/import-export/customer/new-job';
import type { Locations } from '../../shared/import-export/model/locations';
import type { Job } from '../../shared/import-export/model/model';
import type { JobDefinition } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { classicJobInput } from '../../shared/surfaces/classic-import-export/classic-job-input';
import type { ApiVersion } from '../../shared/surfaces/classic-import-export/versions';

/** A classic Put Job body as the domain's new job, the way the classic surface builds it. */
export const defineClassicJob = (
  def: JobDefinition,
  at: JobAddress,
  version: ApiVersion,
  locations: Locations,
  now: Date,
): Job => defineJob(classicJobInput(def, at, version), at, locations, now);
