import fc from 'fast-check';
import { JOB_STATES } from '../../../shared/import-export/model/model';
import type { Call } from './calls';
import type { OperatorFixture, OperatorJob } from './operator-calls';
import { operation, operatorCall } from './operator-calls';

/**
 * Well-formed operator calls the state machine or the job refuses (docs/contract/import-export.md#b, #c1): 409 for an action
 * the job's or drive's state does not allow, 404 for a job or drive that does not exist, 400 for a
 * receive that names drives wrongly, a sweep in the past, a certificate under another thumbprint.
 * Idempotent repeats (receiving a received drive, starting a transferring one...) answer 200 and
 * change nothing, so they are left out: they are not refusals.
 */
export function operatorMisuse(f: OperatorFixture): fc.Arbitrary<Call & { defect: string }> {
  const { creating, shipping, transferring, completed, exportReceived, faulted } = f.jobs;
  const on = (name: string, job: OperatorJob, driveId: string, defect: string) => {
    const op = operation(name);
    return (op.body ? op.body(f, job).valid : fc.constant(undefined)).map((body) => ({
      ...operatorCall(op, op.path(f, job, driveId), body),
      defect,
    }));
  };
  const each = (name: string, jobs: OperatorJob[], drive: (j: OperatorJob) => string, defect: string) =>
    fc.constantFrom(...jobs).chain((j) => on(name, j, drive(j), `${name} ${defect} (${j.name})`));
  const first = (j: OperatorJob) => j.driveIds[0]!;
  const missing = { name: 'NoSuchJob', driveIds: ['D1'] };
  const resolveTo = (j: OperatorJob, current: string) =>
    fc.option(fc.constantFrom(...JOB_STATES.filter((s) => s !== current))).map((State) => ({
      ...operatorCall(
        operation('resolve'),
        operation('resolve').path(f, j, ''),
        State === null ? {} : { State },
      ),
      defect: `resolve of a job that is not Faulted (${j.name} to ${State})`,
    }));
  return fc.oneof(
    each('receive', [creating, transferring, completed], first, 'outside Shipping/Received'),
    on('receive', shipping, '', 'receive').map((c) => ({
      ...c,
      body: JSON.stringify({ Drives: [{ DriveId: 'NOT-OURS' }] }),
      defect: 'receive of a drive that is not the job’s',
    })),
    on('receive', shipping, '', 'receive').map((c) => ({
      ...c,
      body: JSON.stringify({ Drives: [{ DriveId: first(shipping) }], ExtraDrives: [first(shipping)] }),
      defect: 'receive of an own drive as an extra drive',
    })),
    on('receive', exportReceived, '', 'receive').map((c) => ({
      ...c,
      body: JSON.stringify({ Drives: [{ DriveId: first(exportReceived), CapacityBytes: 1 }] }),
      defect: 'receive of a blank drive again with another capacity',
    })),
    each('start', [creating, shipping, completed], first, 'of a drive not received'),
    each('progress', [creating, shipping, completed, exportReceived], first, 'outside Transferring'),
    on('progress', transferring, transferring.driveIds[1]!, 'progress of a drive not transferring'),
    each('complete', [creating, shipping, exportReceived], first, 'outside Transferring'),
    on('complete', transferring, transferring.driveIds[1]!, 'complete of a drive not transferring'),
    each('ship', [creating, shipping, transferring, exportReceived, faulted], first, 'before Packaging'),
    each('advance', [creating, completed, faulted], first, 'of a job the sandbox cannot move'),
    on('fault', completed, '', 'fault of a finished job').map((c) => ({ ...c, body: '{"Reason":"late"}' })),
    resolveTo(shipping, 'Shipping'),
    resolveTo(creating, 'Creating'),
    resolveTo(transferring, 'Transferring'),
    each('blobs', [shipping, completed], first, 'of an import job'),
    fc
      .constantFrom(
        'job',
        'receive',
        'start',
        'progress',
        'complete',
        'blobs',
        'ship',
        'fault',
        'resolve',
        'advance',
      )
      .chain((name) => on(name, missing, 'D1', `${name} of a job that does not exist`)),
    fc
      .constantFrom('start', 'progress', 'complete', 'blobs')
      .chain((name) => on(name, transferring, 'NO-SUCH-DRIVE', `${name} of a drive that does not exist`)),
    on('fault', shipping, '', 'fault').map((c) => ({
      ...c,
      body: '{"Reason":"x","DriveId":"NO-SUCH-DRIVE"}',
      defect: 'fault of a drive that does not exist',
    })),
    on('sweep', shipping, '', 'sweep').map((c) => ({
      ...c,
      body: JSON.stringify({ Now: new Date(Date.now() - 3_600_000).toISOString() }),
      defect: 'a sweep an hour in the past',
    })),
    on('register', shipping, '', 'register').map((c) => ({
      ...c,
      path: `/operator/subscriptions/${f.sub}/certificates/${'AB'.repeat(20)}`,
      defect: 'a certificate under another thumbprint',
    })),
    on('remove', shipping, '', 'a certificate that is not registered'),
  );
}
