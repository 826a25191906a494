import { jobStoreContract } from '../support/job-store-contract';
import { MemoryJobStore } from '../support/memory-job-store';

jobStoreContract('the in-memory double', () => new MemoryJobStore());
