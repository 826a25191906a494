import { METADATA_DOCUMENT } from '../metadata-document';
import { customerOp } from '../pipeline';

/** The service document's collections, each `url` relative to the base (reference §3.1). */
const COLLECTIONS = [
  { name: 'StorageAccounts', url: 'storageaccounts' },
  { name: 'Jobs', url: 'jobs' },
  { name: 'Locations', url: 'locations' },
];

/** Get Service Document (SPEC A.11). */
export const serviceDocumentOperation = customerOp({
  run(req) {
    const metadata =
      req.framing.level === 'nometadata' ? {} : { 'odata.metadata': `${req.framing.base}/$metadata` };
    return Promise.resolve({ status: 200, json: { ...metadata, value: COLLECTIONS } });
  },
});

/** Get Metadata Document (SPEC A.11): the EDMX, as application/xml. */
export const metadataDocumentOperation = customerOp({
  representation: 'xml',
  run() {
    return Promise.resolve({ status: 200, xml: METADATA_DOCUMENT });
  },
});
