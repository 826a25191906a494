import fc from 'fast-check';
import type { BodySpec } from './body-defects';
import type { Call, Verb } from './calls';
import { maybeTunnelled, noise } from './calls';
import {
  certificateSpec,
  completeSpec,
  faultSpec,
  progressSpec,
  receiveSpec,
  resolveSpec,
  shipSpec,
  sweepSpec,
} from './operator-bodies';

/**
 * The operator API as the fuzzer sees it (docs/contract/import-export.md#b): the fixture jobs, each in a state of its own,
 * and its operations, which operator-requests.ts then breaks.
 */
export interface OperatorJob {
  name: string;
  driveIds: readonly string[];
}

export interface OperatorFixture {
  sub: string;
  key: string;
  jobs: {
    creating: OperatorJob;
    /** Import, drives Specified. */
    shipping: OperatorJob;
    /** Import, drive [0] Transferring, drive [1] Received. */
    transferring: OperatorJob;
    /** Import, shipped back. */
    completed: OperatorJob;
    /** Export, its one blank drive Received and planned. */
    exportReceived: OperatorJob;
    /** Import, Faulted from Shipping. */
    faulted: OperatorJob;
  };
  /** A certificate that is not registered, and its thumbprint. */
  certificate: { derBase64: string; thumbprint: string };
}

export interface Operation {
  name: string;
  verb: Verb;
  path: (f: OperatorFixture, job: OperatorJob, driveId: string) => string;
  body?: (f: OperatorFixture, job: OperatorJob) => BodySpec;
  /** A body that may be left out (sweep). */
  optionalBody?: boolean;
}

const jobs =
  (rest = '') =>
  (f: OperatorFixture, j: OperatorJob) =>
    `/operator/subscriptions/${f.sub}/jobs/${j.name}${rest}`;
const drives = (rest: string) => (f: OperatorFixture, j: OperatorJob, d: string) =>
  `/operator/subscriptions/${f.sub}/jobs/${j.name}/drives/${d}${rest}`;

/** Every operator operation (README "Operator API"). */
export const OPERATIONS: readonly Operation[] = [
  { name: 'worklist', verb: 'GET', path: () => '/operator/jobs' },
  { name: 'job', verb: 'GET', path: jobs() },
  { name: 'receive', verb: 'POST', path: jobs('/receive'), body: (_f, j) => receiveSpec(j.driveIds) },
  { name: 'start', verb: 'POST', path: drives('/start') },
  { name: 'progress', verb: 'POST', path: drives('/progress'), body: () => progressSpec },
  { name: 'complete', verb: 'POST', path: drives('/complete'), body: () => completeSpec },
  { name: 'blobs', verb: 'GET', path: drives('/blobs') },
  { name: 'ship', verb: 'POST', path: jobs('/ship'), body: () => shipSpec },
  { name: 'fault', verb: 'POST', path: jobs('/fault'), body: () => faultSpec },
  { name: 'resolve', verb: 'POST', path: jobs('/resolve'), body: () => resolveSpec },
  { name: 'advance', verb: 'POST', path: jobs('/advance') },
  { name: 'sweep', verb: 'POST', path: () => '/operator/sweep', body: () => sweepSpec, optionalBody: true },
  { name: 'certificates', verb: 'GET', path: (f) => `/operator/subscriptions/${f.sub}/certificates` },
  {
    name: 'register',
    verb: 'PUT',
    path: (f) => `/operator/subscriptions/${f.sub}/certificates/${f.certificate.thumbprint}`,
    body: (f) => certificateSpec(f.certificate.derBase64),
  },
  {
    name: 'remove',
    verb: 'DELETE',
    path: (f) => `/operator/subscriptions/${f.sub}/certificates/${f.certificate.thumbprint}`,
  },
];

export const operation = (name: string): Operation => OPERATIONS.find((o) => o.name === name)!;

export const allOperatorJobs = (f: OperatorFixture) => Object.values(f.jobs);

export function operatorCall(op: Operation, path: string, body?: unknown): Call {
  return {
    method: op.verb,
    verb: op.verb,
    path,
    query: [],
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    takesBody: op.body !== undefined,
    conditional: false,
    representation: 'json',
  };
}

/** Calls that may well succeed as they are: any operation on any fixture job and drive, valid body. */
export function plausibleOperatorCall(f: OperatorFixture): fc.Arbitrary<Call> {
  return fc
    .tuple(fc.constantFrom(...OPERATIONS), fc.constantFrom(...allOperatorJobs(f)), noise)
    .chain(([op, job, extra]) =>
      fc
        .tuple(
          fc.constantFrom(...job.driveIds, 'NOPE1'),
          op.body ? op.body(f, job).valid : fc.constant(undefined),
        )
        .map(([d, body]) => {
          const c = operatorCall(op, op.path(f, job, d), body);
          return { ...c, headers: { ...c.headers, ...extra } };
        }),
    )
    .chain(maybeTunnelled);
}
