import type { Frequency } from './model';

/** docs/classic-scheduler.md#b4. */
export const PLANS = ['Free', 'Standard', 'Premium'] as const;
export type Plan = (typeof PLANS)[number];

export interface MaxRecurrence {
  frequency: Capitalize<Frequency>;
  interval: number;
}

export interface Quota {
  maxJobCount: number;
  /** Echoed, not enforced (docs/classic-scheduler.md#b3). */
  maxJobOccurrence?: number;
  maxRecurrence: MaxRecurrence;
}

export interface JobCollection {
  name: string;
  cloudService: string;
  schemaVersion: string;
  plan: Plan;
  quota: Quota;
  /** Decoded text; base64 on the wire. */
  label: string;
  state: 'Started' | 'Stopped';
  etag: string;
  lastOperation: 'Create' | 'Update';
  /** Jobs held, kept with the collection so that a create can claim a slot atomically. */
  jobCount: number;
}

export interface CloudService {
  name: string;
  label: string;
  description: string;
  geoRegion: string;
  email?: string;
}

type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

/** An asynchronous (202) operation's record (docs/classic-scheduler.md#a6). */
export interface OperationRecord {
  id: string;
  subscriptionId: string;
  status: OperationStatus;
  httpStatusCode: number;
  createdAt: string;
  error?: { code: string; message: string };
}

/** What a collection PUT carries (docs/classic-scheduler.md#b3); absent fields are undefined. */
export interface CollectionInput {
  schemaVersion?: string;
  plan?: Plan;
  maxJobCount?: number;
  maxJobOccurrence?: number;
  maxRecurrence?: MaxRecurrence;
  label?: string;
  state?: 'Started' | 'Stopped';
}
