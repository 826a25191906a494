import { notFound } from '../../import-export/model/errors';
import type { Location } from '../../import-export/model/locations';
import type { EntityRef } from './odata';
import { entity, feed } from './odata';
import { customerOp } from './pipeline';
import { locationEntitySchema, locationFeedSchema } from './wire/location-wire.schema';
import { listLocationsQuerySchema } from './wire/query.schema';

const locationRef = (l: Location): EntityRef => ({
  type: 'Location',
  id: l.Name,
  editPath: `locations/${encodeURIComponent(l.Name)}`,
});

/**
 * A location as the classic List Locations shows it (reference §3.3). The served storage regions
 * are the service's own routing data and stay off the wire; StreetAddress2 is always present,
 * as the EDMX declares it non-nullable.
 */
const locationBody = ({ ServedRegions: _regions, ...wire }: Location): Record<string, unknown> => wire;

/**
 * List Locations (docs/contract/import-export.md#a11): all of them, or with `originlocation` the one that serves that
 * storage region (none when the region is not served). An empty `originlocation` is no filter.
 */
export const listLocationsOperation = customerOp({
  summary: 'List Locations',
  description:
    'The datacenters that receive drives (docs/contract/import-export.md#a11); with `originlocation`, the one serving that storage region, or none.',
  success: { status: 200, body: locationFeedSchema },
  query: listLocationsQuerySchema,
  run(req) {
    const { locations } = req.rt.jobs;
    const origin = req.query.get('originlocation')?.trim();
    const served = origin ? locations.serving(origin) : undefined;
    const list = origin ? (served ? [served] : []) : locations.all;
    const items = list.map((l) => ({ ref: locationRef(l), props: locationBody(l) }));
    return Promise.resolve({ status: 200, json: feed(req.framing, 'Locations', items) });
  },
});

/** Get Location: a location's `odata.editLink` (docs/contract/import-export.md#a1), its name matched case-insensitively. */
export const getLocationOperation = customerOp({
  summary: 'Get Location',
  description:
    'A location alone, at its `odata.editLink` (docs/contract/import-export.md#a1); its name matches case-insensitively.',
  success: { status: 200, body: locationEntitySchema },
  errors: ['ResourceNotFound'],
  run(req) {
    const location = req.rt.jobs.locations.find(req.params.location ?? '');
    if (!location) return Promise.reject(notFound(`location ${req.params.location ?? ''}`));
    return Promise.resolve({
      status: 200,
      json: entity(req.framing, 'Locations', locationRef(location), locationBody(location)),
    });
  },
});
