import type { z } from 'zod';
import type { Conditions } from '../../kernel/conditions';
import type { JobDeps } from '../../import-export/model/ports';
import { checkSubscriptionId } from '../../import-export/model/names';
import type { CertificateAuthenticator } from '../../identity/certificate-auth';
import type { Operation } from '../../edge/operation';
import type { Exchange, Preliminary, Step } from '../../edge/pipeline';
import { conditionalHeaders, contentHeaders, jsonBody, pipeline } from '../../edge/pipeline';
import { render, renderError } from './envelope';
import type { MetadataLevel } from './negotiation';
import { negotiate } from './negotiation';
import type { Framing } from './odata';
import type { ApiVersion } from './versions';
import { baseUrl, checkVersion } from './versions';

/** What the classic surface needs of the composition root. */
export interface ClassicDeps {
  jobs: JobDeps;
  authenticator: Pick<CertificateAuthenticator, 'authenticate'>;
  /** Signs List Jobs continuation tokens. */
  tokenKey: Buffer;
  config: { trustForwardedClientCert: boolean };
}

/** What the classic steps learn of a request. */
interface ClassicFacts {
  version: ApiVersion;
  level: MetadataLevel;
  /** The subscription as the URI spells it (links echo it); `subscriptionId` is its key form. */
  subscriptionAsAddressed: string;
  subscriptionId: string;
}

export interface CustomerRequest<B> {
  rt: ClassicDeps;
  requestId: string;
  version: ApiVersion;
  framing: Framing;
  /** Lower-case, as the store keys on it. */
  subscriptionId: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  conditions: Conditions;
  body: B;
}

export interface CustomerOperation<B = undefined> extends Operation<CustomerRequest<B>> {
  body?: z.ZodType<B>;
}

/** Lets TypeScript infer an operation's body type from its schema. */
export const customerOp = <B = undefined>(op: CustomerOperation<B>): CustomerOperation<B> => op;

type X = Exchange<ClassicDeps, ClassicFacts>;

const version: Step<ClassicDeps, ClassicFacts> = (x) => {
  x.facts.version = checkVersion(x.request.headers.get('x-ms-version'));
};

const negotiation: Step<ClassicDeps, ClassicFacts> = (x) => {
  const q = x.request;
  x.facts.level = negotiate(x.op.representation ?? 'json', q.headers.get('accept'), q.query.get('$format'));
};

const subscription: Step<ClassicDeps, ClassicFacts> = (x) => {
  x.facts.subscriptionAsAddressed = x.request.params.sub ?? '';
  x.facts.subscriptionId = checkSubscriptionId(x.facts.subscriptionAsAddressed);
};

/** docs/contract/import-export.md#d1: the subscription's management certificate. */
const certificate: Step<ClassicDeps, ClassicFacts> = async (x) => {
  const header = x.deps.config.trustForwardedClientCert ? x.request.headers.get('x-arr-clientcert') : null;
  await x.deps.authenticator.authenticate(x.facts.subscriptionId ?? '', header ?? undefined);
};

const replyContext = (x: X | Preliminary<ClassicFacts>) => ({
  requestId: x.requestId,
  head: x.head,
  ...(x.facts.version !== undefined && { version: x.facts.version }),
  ...(x.facts.level !== undefined && { level: x.facts.level }),
});

/**
 * The customer API (docs/contract/import-export.md#a2, #d1), in order: verb tunnelling and verb
 * (the pipeline's own), version, content negotiation, content headers, subscription, client
 * certificate, body, conditional headers.
 */
export const customerApi = (deps: () => ClassicDeps) =>
  pipeline<ClassicDeps, ClassicFacts, CustomerRequest<never>>({
    surface: 'customer',
    deps,
    steps: [version, negotiation, contentHeaders, subscription, certificate, jsonBody, conditionalHeaders],
    request: (x) => ({
      rt: x.deps,
      requestId: x.requestId,
      version: x.facts.version!,
      framing: { level: x.facts.level!, base: baseUrl(x.request, x.facts.subscriptionAsAddressed ?? '') },
      subscriptionId: x.facts.subscriptionId!,
      params: x.request.params,
      query: x.request.query,
      conditions: x.conditions,
      body: x.body as never,
    }),
    render: (reply, x) => render(reply, replyContext(x)),
    renderError: (err, x, log) => renderError(err, replyContext(x), log),
  });
