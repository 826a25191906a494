import fc from 'fast-check';
import { JOB_STATES } from '../../../shared/import-export/model/model';
import { badBody } from './body-defects';
import type { Call } from './calls';
import { commonHeaderDefects, maybeTunnelled, METHODS, toRequest } from './calls';
import { operatorMisuse } from './operator-misuse';
import type { OperatorFixture } from './operator-calls';
import { allOperatorJobs, operatorCall, OPERATIONS, plausibleOperatorCall } from './operator-calls';
import type { FuzzRequest } from './raw-http';
import { anyText, badJobName, badSubscriptionId, brokenEncoding, headerText, segment } from './values';

/** Requests the operator API must refuse (docs/contract/import-export.md#b, #d5), each broken on purpose. */

/** A missing or wrong x-operator-key (403), on any call, however valid otherwise. */
function keyDefects(f: OperatorFixture, c: Call): fc.Arbitrary<FuzzRequest> {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.constantFrom(f.key.toUpperCase(), f.key.slice(0, -1), `${f.key}x`, `Bearer ${f.key}`, ''),
    headerText(40).filter((k) => k.trim() !== f.key),
  );
  return wrong.map((k) =>
    toRequest({ ...c, headers: { ...c.headers, 'x-operator-key': k } }, `x-operator-key ${k}`),
  );
}

/** Bodies broken in one place, for every operation that reads one, on every fixture job. */
function bodyDefects(f: OperatorFixture): fc.Arbitrary<FuzzRequest> {
  const withBody = OPERATIONS.filter((o) => o.body);
  return fc.tuple(fc.constantFrom(...withBody), fc.constantFrom(...allOperatorJobs(f))).chain(([op, job]) =>
    fc.tuple(fc.constantFrom(...job.driveIds), badBody(op.body!(f, job))).map(([d, b]) => {
      const c = operatorCall(op, op.path(f, job, d), {});
      return toRequest({ ...c, body: b.body }, `${op.name}: ${b.defect}`);
    }),
  );
}

/** A verb an operator route does not serve: 405, OPTIONS included. */
function methodDefects(f: OperatorFixture): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom(...OPERATIONS),
      fc.constantFrom(...allOperatorJobs(f)),
      fc.constantFrom(...METHODS),
    )
    .filter(([op, , method]) => (method === 'MERGE' ? 'PATCH' : method) !== op.verb)
    .chain(([op, job, method]) =>
      (op.body ? op.body(f, job).valid : fc.constant(undefined)).map((body) => {
        const c = operatorCall(op, op.path(f, job, job.driveIds[0]!), body);
        return toRequest({ ...c, method }, `${method} on ${op.name}`);
      }),
    );
}

/** Path segments that break the rules: subscription, job name, thumbprint; unknown routes. */
function pathDefects(f: OperatorFixture): fc.Arbitrary<FuzzRequest> {
  const get = (path: string, defect: string) => toRequest(operatorCall(OPERATIONS[1]!, path), defect);
  const job = f.jobs.shipping;
  return fc.oneof(
    badSubscriptionId.map((s) =>
      get(`/operator/subscriptions/${segment(s)}/jobs/${job.name}`, `subscription ${s}`),
    ),
    badSubscriptionId.map((s) =>
      get(`/operator/subscriptions/${segment(s)}/certificates`, `subscription ${s}`),
    ),
    fc.tuple(badJobName, fc.constantFrom('', '/advance', '/fault', '/drives/OPS1/start')).map(([n, rest]) =>
      toRequest(
        {
          ...operatorCall(OPERATIONS[1]!, `/operator/subscriptions/${f.sub}/jobs/${segment(n)}${rest}`),
          method: rest ? 'POST' : 'GET',
        },
        `job name ${n}`,
      ),
    ),
    fc
      .tuple(
        fc.oneof(anyText(50), fc.stringMatching(/^[0-9A-F]{39}$/), fc.stringMatching(/^[0-9A-F]{41}$/)),
        fc.constantFrom('PUT', 'DELETE'),
      )
      .filter(([t]) => !/^[0-9A-Fa-f: ]{40,}$/.test(t))
      .map(([t, m]) =>
        toRequest(
          {
            ...operatorCall(
              OPERATIONS.find((o) => o.verb === m && o.name !== 'job')!,
              `/operator/subscriptions/${f.sub}/certificates/${segment(t)}`,
              m === 'PUT' ? { Certificate: f.certificate.derBase64 } : undefined,
            ),
          },
          `thumbprint ${t}`,
        ),
      ),
    fc.stringMatching(/^[a-z]{1,12}$/).map((p) => get(`/operator/${p}/x`, 'an unknown route')),
    brokenEncoding.map((raw) => get(`/operator/subscriptions/${f.sub}/jobs/${raw}`, `job name ${raw}`)),
    brokenEncoding.map((raw) =>
      get(`/operator/subscriptions/${raw}/jobs/${job.name}`, `subscription ${raw}`),
    ),
  );
}

/** Worklist queries the service refuses: a state that is none, a $top out of 1..1000, a foreign $skiptoken. */
function worklistDefects(): fc.Arbitrary<FuzzRequest> {
  const isState = (s: string) => (JOB_STATES as readonly string[]).includes(s);
  const notToken = fc.oneof(anyText(30), fc.base64String({ maxLength: 40 })).filter((t) => {
    try {
      const v: unknown = JSON.parse(Buffer.from(t, 'base64url').toString('utf8'));
      return !(Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string'));
    } catch {
      return true;
    }
  });
  const bad = fc.oneof(
    anyText(15)
      .filter((s) => s.split(',').some((p) => !isState(p)))
      .map((v) => ['state', v] as const),
    fc.constantFrom('0', '1001', '-5', '2.5', 'all', '', '1e2').map((v) => ['$top', v] as const),
    notToken.map((v) => ['$skiptoken', v] as const),
  );
  return bad.map(([k, v]) =>
    toRequest({ ...operatorCall(OPERATIONS[0]!, '/operator/jobs'), query: [[k, v]] }, `worklist ${k}=${v}`),
  );
}

export function operatorRequest(f: OperatorFixture): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 2, arbitrary: plausibleOperatorCall(f).chain((c) => keyDefects(f, c)) },
    { weight: 2, arbitrary: plausibleOperatorCall(f).chain((c) => fc.oneof(...commonHeaderDefects(c))) },
    { weight: 5, arbitrary: bodyDefects(f) },
    {
      weight: 4,
      arbitrary: operatorMisuse(f).chain((c) => maybeTunnelled(c).map((x) => toRequest(x, c.defect))),
    },
    { weight: 2, arbitrary: pathDefects(f) },
    { weight: 1, arbitrary: worklistDefects() },
    { weight: 2, arbitrary: methodDefects(f) },
  );
}
