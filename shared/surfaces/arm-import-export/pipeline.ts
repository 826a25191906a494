import type { HttpHandler, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import type { Conditions } from '../../kernel/conditions';
import type { Caller, TokenValidator } from '../../identity/bearer-tokens';
import type { Permission, PrincipalGrants } from '../../identity/principals';
import { allows } from '../../identity/principals';
import type { JobDeps } from '../../import-export/model/ports';
import type { Operation } from '../../edge/operation';
import type { Exchange, PreStep, Step } from '../../edge/pipeline';
import { conditionalHeaders, pipeline } from '../../edge/pipeline';
import type { Reply } from '../../edge/reply';
import { newRequestId, originOf, ownVerb } from '../../edge/request-info';
import { armBody } from './arm-body';
import { ArmError } from './arm-errors';
import type { ArmApiVersion } from './arm-request';
import {
  checkApiVersion,
  checkJobName,
  checkResourceGroup,
  checkSubscription,
  normalisedQuery,
} from './arm-request';
import type { HeaderSource } from './envelope';
import { asGuid, renderArm, renderArmFailure } from './envelope';

/** What Resource Manager's operations need, passed in by app/routes.ts. */
export interface ArmDeps {
  jobs: JobDeps;
  now: () => Date;
  config: {
    arm: {
      issuers: readonly { issuer: string }[];
      audiences: readonly string[];
      classicResourceGroup: string;
      pageSize: number;
      azShim: boolean;
    };
  };
  arm: { tokens: TokenValidator; grants: PrincipalGrants; pageKey: Buffer };
}

export interface ArmRequest<B> {
  rt: ArmDeps;
  /** A GUID, as x-ms-request-id carries it. */
  requestId: string;
  apiVersion: ArmApiVersion;
  caller: Caller;
  /** Lower-case; '' on provider-level routes. */
  subscriptionId: string;
  resourceGroup: string;
  jobName: string;
  params: Readonly<Record<string, string>>;
  query: Map<string, string>;
  /** `https://host` as the client addressed it, and the path it asked for. */
  origin: string;
  path: string;
  headers: HeaderSource;
  body: B;
  conditions: Conditions;
  /** The invocation's log (docs/arm-import-export.md#c3, #c8): never secrets. */
  log: Pick<InvocationContext, 'info' | 'warn'>;
}

export interface ArmOperation<B = undefined> extends Operation<ArmRequest<B>> {
  /** What the caller needs: a grant with this permission, or just a valid token. */
  permission: Permission | 'token';
  body?: z.ZodType<B>;
}

/** Lets TypeScript infer an operation's body type from its schema. */
export const armOp = <B = undefined>(op: ArmOperation<B>): ArmOperation<B> => op;

/** What the surface's steps learn of a request. */
interface ArmFacts {
  headers: HeaderSource;
  query: Map<string, string>;
  apiVersion: ArmApiVersion;
  caller: Caller;
  subscriptionId: string;
  resourceGroup: string;
  jobName: string;
}

type X = Exchange<ArmDeps, ArmFacts>;
type ArmStep = Step<ArmDeps, ArmFacts>;
const opOf = (x: X): ArmOperation<unknown> => x.op as ArmOperation<unknown>;

/** The headers every answer echoes, known before anything can fail. */
export const remember: PreStep<Pick<ArmFacts, 'headers'>> = (request, pre) => {
  pre.facts.headers = request.headers;
};

/** docs/arm-import-export.md#b2: the client's request and correlation ids are logged, as one JSON line. */
export const trace: Step<unknown, unknown> = (x) => {
  const h = x.request.headers;
  const ids = {
    event: 'request',
    requestId: asGuid(x.requestId),
    clientRequestId: h.get('x-ms-client-request-id')?.slice(0, 128) ?? null,
    correlationRequestId: h.get('x-ms-correlation-request-id')?.slice(0, 128) ?? null,
  };
  x.context.info(`request ${JSON.stringify(ids)}`);
};

const apiVersion: ArmStep = (x) => {
  x.facts.query = normalisedQuery(new URL(x.request.url).searchParams);
  x.facts.apiVersion = checkApiVersion(x.facts.query);
};

const token: ArmStep = async (x) => {
  x.facts.caller = await x.deps.arm.tokens.validate(x.request.headers.get('authorization'));
};

const segments: ArmStep = (x) => {
  const p = x.request.params;
  x.facts.subscriptionId = p.sub !== undefined ? checkSubscription(p.sub) : '';
  x.facts.resourceGroup = p.rg !== undefined ? checkResourceGroup(p.rg) : '';
  x.facts.jobName = p.job !== undefined ? checkJobName(p.job) : '';
};

/** docs/arm-import-export.md#e4: the scope and action ARM's own 403 names. */
const grant: ArmStep = async (x) => {
  const permission = opOf(x).permission;
  if (permission === 'token') return;
  const caller = x.facts.caller!;
  const held = await x.deps.arm.grants.get(x.facts.subscriptionId ?? '', caller.objectId);
  if (allows(held?.role, permission)) return;
  const scope = new URL(x.request.url).pathname.replace(/\/listbitlockerkeys$/i, '');
  throw authorizationFailed(caller.objectId, permission, scope);
};

/** ARM's own 403 (docs/arm-import-export.md#e4), naming the action and the scope refused. */
export const authorizationFailed = (objectId: string, action: string, scope: string): ArmError =>
  new ArmError(
    'AuthorizationFailed',
    `The client '${objectId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid.`,
  );

/** docs/arm-import-export.md#b2: JSON objects up to 1 MiB; GET, DELETE and POST bodies ignored. */
const body: ArmStep = async (x) => {
  const schema = opOf(x).body;
  if (schema) x.body = await armBody(x.request, schema);
};

export const firstIssuer = (deps: () => ArmDeps) => () => deps().config.arm.issuers[0]?.issuer;

/**
 * Resource Manager on the one pipeline (docs/arm-import-export.md#b2), first failure answers: verb
 * 405 (no tunnelling), api-version 400, token 401, path segments 400, grant 403, body
 * 413/415/400, conditions 412, then the operation.
 */
export const armApi = (deps: () => ArmDeps) =>
  pipeline<ArmDeps, ArmFacts, ArmRequest<never>>({
    surface: 'arm',
    deps,
    before: [remember],
    verb: ownVerb,
    steps: [trace, apiVersion, token, segments, grant, body, conditionalHeaders],
    request: (x) => ({
      rt: x.deps,
      requestId: asGuid(x.requestId),
      apiVersion: x.facts.apiVersion!,
      caller: x.facts.caller!,
      subscriptionId: x.facts.subscriptionId ?? '',
      resourceGroup: x.facts.resourceGroup ?? '',
      jobName: x.facts.jobName ?? '',
      params: x.request.params,
      query: x.facts.query!,
      origin: originOf(x.request.url, x.request.headers),
      path: new URL(x.request.url).pathname,
      headers: x.request.headers,
      body: x.body as never,
      conditions: x.conditions,
      log: x.context,
    }),
    render: (reply: Reply, x) => renderArm(reply, { requestId: x.requestId, headers: x.facts.headers! }),
    renderError: (err, x, log) =>
      renderArmFailure(err, { requestId: x.requestId, headers: x.facts.headers! }, firstIssuer(deps), log),
  });

/** Unknown paths under /subscriptions/ and /providers/: ARM's 404. */
export const armNotFound =
  (deps: () => ArmDeps): HttpHandler =>
  (request, context) =>
    Promise.resolve(
      renderArmFailure(
        new ArmError('NotFound', `The path '${new URL(request.url).pathname}' is not a known resource.`),
        { requestId: newRequestId(), headers: request.headers },
        firstIssuer(deps),
        context,
      ),
    );
