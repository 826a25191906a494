import type {
  CloudServiceStore,
  CollectionStore,
  JobHistoryReader,
  OperationStore,
  RegistrationStore,
  SchedulerJobStore,
} from './job-store';

/** What the Scheduler's use cases need: ports, a clock and settings (docs/classic-scheduler.md#e1). */
export interface SchedulerDeps {
  jobs: SchedulerJobStore;
  history: JobHistoryReader;
  collections: CollectionStore;
  services: CloudServiceStore;
  registrations: RegistrationStore;
  operations: OperationStore;
  now: () => Date;
  /** A new lowercase GUID with dashes. */
  newId: () => string;
  minRetryMs: number;
  regions: readonly string[];
}
