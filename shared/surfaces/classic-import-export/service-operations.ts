import { METADATA_DOCUMENT } from './metadata-document';
import { customerOp } from './pipeline';
import { metadataDocumentSchema, serviceDocumentSchema } from './wire/service-wire.schema';

/** The service document's collections, each `url` relative to the base (reference §3.1). */
const COLLECTIONS = [
  { name: 'StorageAccounts', url: 'storageaccounts' },
  { name: 'Jobs', url: 'jobs' },
  { name: 'Locations', url: 'locations' },
];

/** Get Service Document (docs/contract/import-export.md#a11). */
export const serviceDocumentOperation = customerOp({
  summary: 'Get Service Document',
  description:
    'The collections StorageAccounts, Jobs and Locations (docs/contract/import-export.md#a11). Jobs are listed per storage account and read at their edit links.',
  success: { status: 200, body: serviceDocumentSchema },
  run(req) {
    const metadata =
      req.framing.level === 'nometadata' ? {} : { 'odata.metadata': `${req.framing.base}/$metadata` };
    return Promise.resolve({ status: 200, json: { ...metadata, value: COLLECTIONS } });
  },
});

/** Get Metadata Document (docs/contract/import-export.md#a11): the EDMX, as application/xml. */
export const metadataDocumentOperation = customerOp({
  summary: 'Get Metadata Document',
  description:
    'The EDMX of every entity the service returns (docs/contract/import-export.md#a11), as application/xml only.',
  success: { status: 200, body: metadataDocumentSchema },
  representation: 'xml',
  run() {
    return Promise.resolve({ status: 200, xml: METADATA_DOCUMENT });
  },
});
