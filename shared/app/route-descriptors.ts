/**
 * The route table as light descriptors: each surface's function names and route templates, known
 * without loading the surface (issue 15's cold start). routes.ts registers these and loads a
 * surface's own table on the first call of one of its routes; test/unit/route-descriptors.test.ts
 * proves each surface's table matches its row here, name for name and template for template.
 */
const CLASSIC = '{sub}/services/importexport';
const OPERATOR_SUB = 'operator/subscriptions/{sub}';
const ARM_GROUP = 'subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ImportExport';
const SCHEDULER = '{sub}/cloudservices/{cs}/resources/scheduler';

type Descriptors = readonly (readonly [name: string, template: string])[];

/** A Scheduler route and its `~` alias (docs/classic-scheduler.md), in that order. */
const withTilde = (name: string, rest: string): Descriptors => [
  [name, `${SCHEDULER}/${rest}`],
  [`${name}-tilde`, `${SCHEDULER}/~/${rest}`],
];

export const ROUTE_DESCRIPTORS = {
  'classic-import-export': [
    ['service-document', CLASSIC],
    ['metadata-document', `${CLASSIC}/$metadata`],
    ['locations', `${CLASSIC}/locations`],
    ['location', `${CLASSIC}/locations/{location}`],
    ['storage-accounts', `${CLASSIC}/storageaccounts`],
    ['jobs', `${CLASSIC}/storageaccounts/{account}/jobs`],
    ['job', `${CLASSIC}/storageaccounts/{account}/jobs/{job}`],
    ['job-by-edit-link', `${CLASSIC}/jobs/{job}`],
  ],
  operator: [
    ['operator-certificates', `${OPERATOR_SUB}/certificates`],
    ['operator-certificate', `${OPERATOR_SUB}/certificates/{thumbprint}`],
    ['operator-jobs', 'operator/jobs'],
    ['operator-job', `${OPERATOR_SUB}/jobs/{job}`],
    ['operator-receive', `${OPERATOR_SUB}/jobs/{job}/receive`],
    ['operator-drive-start', `${OPERATOR_SUB}/jobs/{job}/drives/{driveId}/start`],
    ['operator-drive-progress', `${OPERATOR_SUB}/jobs/{job}/drives/{driveId}/progress`],
    ['operator-drive-complete', `${OPERATOR_SUB}/jobs/{job}/drives/{driveId}/complete`],
    ['operator-drive-blobs', `${OPERATOR_SUB}/jobs/{job}/drives/{driveId}/blobs`],
    ['operator-ship', `${OPERATOR_SUB}/jobs/{job}/ship`],
    ['operator-fault', `${OPERATOR_SUB}/jobs/{job}/fault`],
    ['operator-resolve', `${OPERATOR_SUB}/jobs/{job}/resolve`],
    ['operator-advance', `${OPERATOR_SUB}/jobs/{job}/advance`],
    ['operator-sweep', 'operator/sweep'],
    ['operator-principals', `${OPERATOR_SUB}/principals`],
    ['operator-principal', `${OPERATOR_SUB}/principals/{objectId}`],
    ['operator-credential', `${OPERATOR_SUB}/storageaccounts/{account}/credential`],
    ['operator-dev-tokens', 'operator/dev-tokens'],
  ],
  'arm-import-export': [
    ['arm-locations', 'providers/Microsoft.ImportExport/locations'],
    ['arm-location', 'providers/Microsoft.ImportExport/locations/{location}'],
    ['arm-operations', 'providers/Microsoft.ImportExport/operations'],
    ['arm-jobs-subscription', 'subscriptions/{sub}/providers/Microsoft.ImportExport/jobs'],
    ['arm-jobs-group', `${ARM_GROUP}/jobs`],
    ['arm-job', `${ARM_GROUP}/jobs/{job}`],
    ['arm-job-keys', `${ARM_GROUP}/jobs/{job}/listBitLockerKeys`],
    ['arm-az-metadata', 'metadata/endpoints'],
    ['arm-az-tenants', 'tenants'],
    ['arm-az-subscriptions', 'subscriptions'],
    ['arm-az-resource-group', 'subscriptions/{sub}/resourcegroups/{rg}'],
    ['arm-not-found-subscriptions', 'subscriptions/{*rest}'],
    ['arm-not-found-providers', 'providers/{*rest}'],
  ],
  'classic-scheduler': [
    ['scheduler-registration', '{sub}/services'],
    ['scheduler-provider-properties', '{sub}/resourceproviders/scheduler/Properties'],
    ['scheduler-entitle-resource', '{sub}/EntitleResource'],
    ['scheduler-cloud-services', '{sub}/CloudServices'],
    ['scheduler-cloud-service', '{sub}/CloudServices/{cs}'],
    ['scheduler-operation', '{sub}/operations/{id}'],
    ...withTilde('scheduler-check-name', 'JobCollections'),
    ...withTilde('scheduler-collection', 'JobCollections/{jc}'),
    ...withTilde('scheduler-jobs', 'JobCollections/{jc}/jobs'),
    ...withTilde('scheduler-job', 'JobCollections/{jc}/jobs/{job}'),
    ...withTilde('scheduler-job-history', 'JobCollections/{jc}/jobs/{job}/history'),
    ['scheduler-not-found', `${SCHEDULER}/{*rest}`],
  ],
  openapi: [['openapi', 'openapi.json']],
  // Last: every path no surface serves.
  'not-found': [['not-found', '{*path}']],
} as const satisfies Record<string, Descriptors>;

export type SurfaceKey = keyof typeof ROUTE_DESCRIPTORS;
