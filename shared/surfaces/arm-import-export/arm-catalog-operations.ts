import type { Location } from '../../import-export/model/locations';
import { shortNameOf } from '../../import-export/model/locations';
import { ArmError } from './arm-errors';
import type { ArmApiVersion } from './arm-request';
import { armOp } from './pipeline';
import * as d from './arm-doc-wire.schema';

const locationId = (short: string) => `/providers/Microsoft.ImportExport/locations/${short}`;

/** Location (docs/arm-import-export.md#c1): every member sent, `""` when empty. */
function locationResource(l: Location, v: ArmApiVersion) {
  const short = shortNameOf(l.Name);
  return {
    id: locationId(short),
    name: l.Name,
    type: 'Microsoft.ImportExport/locations',
    properties: {
      recipientName: l.RecipientName,
      streetAddress1: l.StreetAddress1,
      streetAddress2: l.StreetAddress2,
      city: l.City,
      stateOrProvince: l.StateOrProvince,
      postalCode: l.PostalCode,
      countryOrRegion: l.CountryOrRegion,
      phone: l.Phone ?? '',
      ...(v !== '2016-11-01' && { additionalShippingInformation: l.AdditionalShippingInformation ?? '' }),
      supportedCarriers: l.SupportedCarriers,
      alternateLocations: (l.AlternateLocations ?? [short]).map(locationId),
    },
  };
}

export const listLocationsOperation = armOp({
  summary: 'Lists the locations to ship drives to (Locations_List).',
  success: { status: 200, body: d.locationListSchema },
  permission: 'token',
  run(req) {
    const value = req.rt.jobs.locations.all.map((l) => locationResource(l, req.apiVersion));
    return Promise.resolve({ status: 200, json: { value } });
  },
});

export const getLocationOperation = armOp({
  summary: 'Gets a location by display or short name (Locations_Get).',
  success: { status: 200, body: d.locationResponseSchema },
  permission: 'token',
  run(req) {
    const name = req.params.location ?? '';
    const l = req.rt.jobs.locations.findAny(name);
    if (!l) throw new ArmError('ResourceNotFound', `The location '${name}' was not found.`);
    return Promise.resolve({ status: 200, json: locationResource(l, req.apiVersion) });
  },
});

const PROVIDER = 'Microsoft Import/Export';
const OPERATIONS: readonly [string, string, string, string][] = [
  [
    'Microsoft.ImportExport/locations/read',
    'Locations',
    'Get or List Locations',
    'Gets the properties for the specified location or returns the list of locations.',
  ],
  [
    'Microsoft.ImportExport/jobs/write',
    'Jobs',
    'Create or Update Job',
    'Creates a job with the specified parameters or update the properties or tags for the specified job.',
  ],
  [
    'Microsoft.ImportExport/jobs/read',
    'Jobs',
    'Get or List Jobs',
    'Gets the properties for the specified job or returns the list of jobs.',
  ],
  [
    'Microsoft.ImportExport/jobs/listBitLockerKeys/action',
    'Jobs',
    'List BitLocker Keys',
    'Gets the BitLocker keys for the specified job.',
  ],
  ['Microsoft.ImportExport/jobs/delete', 'Jobs', 'Delete Job', 'Deletes an existing job.'],
  [
    'Microsoft.ImportExport/register/action',
    'Import/Export Resource Provider',
    'Registers the Import/Export Resource Provider',
    'Registers the subscription for the import/export resource provider and enables the creation of import/export jobs.',
  ],
];

/** docs/arm-import-export.md#c2: the six operations, verbatim. */
export const listOperationsOperation = armOp({
  summary: "Lists the provider's operations (Operations_List).",
  success: { status: 200, body: d.operationListSchema },
  permission: 'token',
  run() {
    const value = OPERATIONS.map(([name, resource, operation, description]) => ({
      name,
      display: { provider: PROVIDER, resource, operation, description },
    }));
    return Promise.resolve({ status: 200, json: { value } });
  },
});
