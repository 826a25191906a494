import type { OutboundPolicy } from './outbound-policy';
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
  /** The SSRF guard's rules: a literal refused IP in a job's uri is a 400 at create (docs/classic-scheduler.md#e4). */
  outbound: Pick<OutboundPolicy, 'literalRefusal'>;
  regions: readonly string[];
}
