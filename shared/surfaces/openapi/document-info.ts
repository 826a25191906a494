import type { RouteApi } from '../../edge/operation';
import type { Json } from './json-schemas';

/** The document's prose: what applies to every operation, and how each API authenticates. */
export const INFO: Json = {
  title: 'Import/Export job service',
  version: '2014-11-01',
  summary:
    'The classic Windows Azure Import/Export REST API (x-ms-version 2014-05-01 and 2014-11-01), with an operator API that drives jobs through their whole life.',
  description: [
    'Generated from the route table and its zod schemas (`npm run openapi`); served at `GET /openapi.json`.',
    '',
    '**Customer API** (`/{sub}/services/importexport`): every call sends `x-ms-version` and authenticates with a management certificate registered for the subscription. Answers are OData JSON Light: `Accept` or `$format` picks minimal (the default), full or no metadata, and the same schema describes all three (annotations are optional). A GET or POST with `X-HTTP-Method: PUT | PATCH | MERGE | DELETE` is processed as that verb; MERGE is PATCH. Request bodies are `application/json`, at most 1 MiB; OData annotations in them are ignored.',
    '',
    '**Operator API** (`/operator`): every call sends `x-operator-key`; answers are plain JSON.',
    '',
    "**Classic Scheduler** (`/{sub}/CloudServices`, `/{sub}/cloudservices/{cs}/resources/scheduler/…`): the same management certificates; every call sends `x-ms-version`. The management plane speaks XML in the `http://schemas.microsoft.com/windowsazure` namespace; jobs are JSON (`api-version=2014-04-01`). Its errors are XML `<Error><Code/><Message/></Error>` on every route, JSON ones included, and the codes in each response's description are that `<Code>`.",
    '',
    '**Every answer** has `x-ms-request-id`, `Date` and `Cache-Control: no-cache`; every error has the OData error body (`ODataError`) whose `ExtendedCode` says what went wrong. A path no route serves is 404 `ResourceNotFound`; a verb a path does not support is 405 `MethodNotAllowed`.',
  ].join('\n'),
  license: { name: 'MIT', identifier: 'MIT' },
};

export const TAGS: Record<RouteApi['surface'], Json> = {
  customer: {
    name: 'Customer API',
    description: 'The classic Import/Export API (docs/contract/import-export.md#a).',
  },
  operator: {
    name: 'Operator API',
    description: 'The datacenter side (docs/contract/import-export.md#b): drives jobs through their life.',
  },
  public: { name: 'Service description', description: 'What anyone may read.' },
  scheduler: {
    name: 'Classic Scheduler',
    description: 'The classic Azure Scheduler (docs/classic-scheduler.md).',
  },
  arm: {
    name: 'Resource Manager',
    description:
      "Microsoft.ImportExport through Azure Resource Manager's API, over the same jobs (docs/arm-import-export.md).",
  },
};

export const SECURITY_SCHEMES: Json = {
  managementCertificate: {
    type: 'mutualTLS',
    description:
      'A client certificate, valid now, whose SHA-1 thumbprint is registered for the subscription in the path (PUT /operator/subscriptions/{sub}/certificates/{thumbprint}). Otherwise 403 AuthenticationFailed (docs/contract/import-export.md#d1).',
  },
  forwardedClientCertificate: {
    type: 'apiKey',
    in: 'header',
    name: 'X-ARR-ClientCert',
    description:
      'The same certificate as base64 DER, as App Service sets it when client certificates are required, or as the local development host passes it on a loopback address. Trusted only from those front ends.',
  },
  armBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A token of an issuer in ARM_TOKEN_ISSUERS for ARM_AUDIENCE, whose principal is granted on the subscription (PUT /operator/subscriptions/{sub}/principals/{objectId}); locally, POST /operator/dev-tokens issues one (docs/arm-import-export.md#e).',
  },
  operatorKey: {
    type: 'apiKey',
    in: 'header',
    name: 'x-operator-key',
    description:
      'One of the keys of the app setting OPERATOR_KEYS (two at once while rotating). Without OPERATOR_KEYS every operator call is refused (403).',
  },
};

/** Either form of the certificate authenticates a customer call; the document itself is public. */
export const SECURITY: Record<RouteApi['surface'], Json[]> = {
  customer: [{ managementCertificate: [] }, { forwardedClientCertificate: [] }],
  operator: [{ operatorKey: [] }],
  public: [],
  scheduler: [{ managementCertificate: [] }, { forwardedClientCertificate: [] }],
  arm: [{ armBearer: [] }],
};
