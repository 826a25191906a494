import type { DevTokens } from '../../identity/bearer-tokens';
import type { PrincipalGrants } from '../../identity/principals';
import type { RegisteredCredentials } from '../../import-export/datacenter/registered-credentials';
import type { z } from 'zod';
import type { CertificateAuthenticator } from '../../identity/certificate-auth';
import type { CertificateStore } from '../../identity/certificates';
import type { DatacenterDeps } from '../../import-export/datacenter/ports';
import type { JobDeps } from '../../import-export/model/ports';
import type { SweepDeps } from '../../import-export/sweep/sweeper';
import type { Operation } from '../../edge/operation';
import type { Step } from '../../edge/pipeline';
import { contentHeaders, jsonBody, pipeline } from '../../edge/pipeline';
import { render, renderError } from '../classic-import-export/envelope';
import { checkOperatorKey } from './operator-key';
import type { RetentionDeps } from '../../scheduler/execution/retention';

/** What the operator surface needs of the composition root. */
export interface OperatorDeps {
  now: () => Date;
  jobs: JobDeps;
  datacenter: DatacenterDeps;
  sweep: SweepDeps;
  /** The Scheduler's retention, which the sweep applies too (docs/classic-scheduler.md#e8). */
  schedulerExecution: { retention: RetentionDeps };
  certificates: CertificateStore;
  authenticator: Pick<CertificateAuthenticator, 'forget' | 'registeredNow'>;
  config: { operatorKeys: readonly string[] };
  /** Grants, registered credentials and development tokens (docs/arm-import-export.md#e2, #e3, #f1). */
  arm: { grants: PrincipalGrants; credentials: RegisteredCredentials; devIssuer?: DevTokens };
}

export interface OperatorRequest<B> {
  rt: OperatorDeps;
  requestId: string;
  /** The request's absolute URL, for links such as a worklist's nextLink. */
  url: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: B;
}

export interface OperatorOperation<B = undefined> extends Operation<OperatorRequest<B>> {
  body?: z.ZodType<B>;
}

/** Lets TypeScript infer an operation's body type from its schema. */
export const operatorOp = <B = undefined>(op: OperatorOperation<B>): OperatorOperation<B> => op;

const operatorKey: Step<OperatorDeps, object> = (x) =>
  checkOperatorKey(x.deps.config.operatorKeys, x.request.headers.get('x-operator-key'));

/**
 * The operator API (docs/contract/import-export.md#b): operator key, content headers, body; plain
 * JSON answers, and errors in the classic OData envelope, so one client library reads both APIs.
 */
export const operatorApi = (deps: () => OperatorDeps) =>
  pipeline<OperatorDeps, object, OperatorRequest<never>>({
    surface: 'operator',
    deps,
    steps: [operatorKey, contentHeaders, jsonBody],
    request: (x) => ({
      rt: x.deps,
      requestId: x.requestId,
      url: x.request.url,
      params: x.request.params,
      query: x.request.query,
      body: x.body as never,
    }),
    render: (reply, x) => render(reply, { requestId: x.requestId, head: x.head }),
    renderError: (err, x, log) => renderError(err, { requestId: x.requestId, head: x.head }, log),
  });
