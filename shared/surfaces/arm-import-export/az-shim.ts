import type { Operation } from '../../edge/operation';
import type { PreStep, Step } from '../../edge/pipeline';
import { pipeline } from '../../edge/pipeline';
import { ownVerb } from '../../edge/request-info';
import type { Caller } from '../../identity/bearer-tokens';
import { allows } from '../../identity/principals';
import { isClosed, shortNameOf } from '../../import-export/model/locations';
import { ArmError } from './arm-errors';
import { originOf } from '../../edge/request-info';
import { checkResourceGroup, checkSubscription } from './arm-request';
import * as d from './arm-doc-wire.schema';
import type { HeaderSource } from './envelope';
import { renderArm, renderArmFailure } from './envelope';
import type { ArmDeps } from './pipeline';
import { authorizationFailed, firstIssuer, remember, trace } from './pipeline';

/**
 * The `az` login shim (docs/arm-import-export.md#g2), served only with ARM_AZ_SHIM=true: what
 * `az` asks of a Resource Manager endpoint before and at login, in the shapes the contract infers.
 * These are Resource Manager's own routes, not Microsoft.ImportExport's, so any api-version goes.
 */
interface ShimRequest {
  rt: ArmDeps;
  caller?: Caller;
  params: Readonly<Record<string, string>>;
  origin: string;
}

interface ShimOperation extends Operation<ShimRequest> {
  /** `az` reads the metadata before it has a token. */
  anonymous?: boolean;
}

interface ShimFacts {
  headers: HeaderSource;
  caller: Caller;
}

type ShimStep = Step<ArmDeps, ShimFacts>;

const notFound = (path: string) => new ArmError('NotFound', `The path '${path}' is not a known resource.`);

/** Off (the default): every route is ARM's 404, as if it did not exist. */
const enabled: ShimStep = (x) => {
  if (!x.deps.config.arm.azShim) throw notFound(new URL(x.request.url).pathname);
};

const token: ShimStep = async (x) => {
  if ((x.op as ShimOperation).anonymous) return;
  x.facts.caller = await x.deps.arm.tokens.validate(x.request.headers.get('authorization'));
};

const before: PreStep<ShimFacts>[] = [remember];

export const azShimApi = (deps: () => ArmDeps) =>
  pipeline<ArmDeps, ShimFacts, ShimRequest>({
    surface: 'az-shim',
    deps,
    before,
    verb: ownVerb,
    steps: [trace, enabled, token],
    request: (x) => ({
      rt: x.deps,
      ...(x.facts.caller && { caller: x.facts.caller }),
      params: x.request.params,
      origin: originOf(x.request.url, x.request.headers),
    }),
    render: (reply, x) => renderArm(reply, { requestId: x.requestId, headers: x.facts.headers! }),
    renderError: (err, x, log) =>
      renderArmFailure(err, { requestId: x.requestId, headers: x.facts.headers! }, firstIssuer(deps), log),
  });

const callerOf = (req: ShimRequest): Caller => req.caller!;

/** `GET /metadata/endpoints`: where `az` logs in, for which audience, and this service as ARM. */
export const metadataOp: ShimOperation = {
  summary: "The cloud's endpoints, as `az cloud register` reads them (az login shim)",
  description: 'Public: `az` reads it before it has a token, so it takes none.',
  success: { status: 200, body: d.shimMetadataSchema },
  anonymous: true,
  run(req) {
    const issuer = req.rt.config.arm.issuers[0]?.issuer;
    const login = issuer?.startsWith('https://')
      ? new URL(issuer).origin
      : 'https://login.microsoftonline.com';
    return Promise.resolve({
      status: 200,
      json: {
        authentication: { loginEndpoint: `${login}/`, audiences: [...req.rt.config.arm.audiences] },
        resourceManager: `${req.origin}/`,
      },
    });
  },
};

/** `GET /tenants`: the token's own tenant. */
export const tenantsOp: ShimOperation = {
  summary: "The caller's tenant (az login shim)",
  success: { status: 200, body: d.shimTenantsSchema },
  run(req) {
    const tid = callerOf(req).tenantId;
    return Promise.resolve({ status: 200, json: { value: [{ id: `/tenants/${tid}`, tenantId: tid }] } });
  },
};

/** `GET /subscriptions`: those the operator granted the caller (docs/arm-import-export.md#e2). */
export const subscriptionsOp: ShimOperation = {
  summary: 'The subscriptions the caller holds a grant on (az login shim)',
  success: { status: 200, body: d.shimSubscriptionsSchema },
  async run(req) {
    const caller = callerOf(req);
    const held = await req.rt.arm.grants.subscriptionsOf(caller.objectId);
    const value = held
      .map((h) => h.subscriptionId)
      .sort()
      .map((s) => ({
        id: `/subscriptions/${s}`,
        subscriptionId: s,
        displayName: s,
        state: 'Enabled',
        tenantId: caller.tenantId,
      }));
    return { status: 200, json: { value } };
  },
};

/**
 * `GET /subscriptions/{sub}/resourcegroups/{rg}`: any group of a granted subscription exists (jobs
 * name their group freely); its location is the first open Import/Export location, which `az
 * import-export create` takes when given no `--location`.
 */
export const resourceGroupOp: ShimOperation = {
  summary: 'A resource group, with the location a new job takes by default (az login shim)',
  success: { status: 200, body: d.shimResourceGroupSchema },
  errors: ['InvalidSubscriptionId', 'InvalidResourceGroupName', 'AuthorizationFailed'],
  async run(req) {
    const sub = checkSubscription(req.params.sub ?? '');
    const rg = checkResourceGroup(req.params.rg ?? '');
    const caller = callerOf(req);
    const held = await req.rt.arm.grants.get(sub, caller.objectId);
    if (!allows(held?.role, 'Microsoft.ImportExport/jobs/read'))
      throw authorizationFailed(
        caller.objectId,
        'Microsoft.Resources/subscriptions/resourceGroups/read',
        `/subscriptions/${sub}/resourceGroups/${rg}`,
      );
    const open = req.rt.jobs.locations.all.find((l) => !isClosed(l));
    return {
      status: 200,
      json: {
        id: `/subscriptions/${sub}/resourceGroups/${rg}`,
        name: rg,
        location: open ? shortNameOf(open.Name) : '',
      },
    };
  },
};
