import { NAMESPACE } from './odata';

/**
 * The `$metadata` EDMX (docs/contract/import-export.md#a11, reference §3.2): the classic document's types, plus the
 * Properties.CreatedTime this service adds (docs/contract/import-export.md#a10) and the 2014-11-01 ContainerSas.
 * Declared as data so tests can check every property the service returns against it.
 */
type Property = readonly [name: string, type: string, nullable?: boolean];

const ns = (name: string) => `${NAMESPACE}.${name}`;
const S = 'Edm.String';
const B = 'Edm.Boolean';
const I = 'Edm.Int32';

const COMPLEX_TYPES: Readonly<Record<string, readonly Property[]>> = {
  Properties: [
    ['StorageAccountName', S],
    ['StorageAccountKey', S],
    ['ContainerSas', S],
    ['Location', S],
    ['Type', S],
    ['FriendlyName', S],
    ['Description', S],
    ['Metadata', S],
    ['State', S],
    ['CancelRequested', B],
    ['PercentComplete', I],
    ['ReturnAddress', ns('ReturnAddress')],
    ['ReturnShipping', ns('ReturnShipping')],
    ['ShippingInformation', ns('ShippingInformation')],
    ['DeliveryPackage', ns('Package')],
    ['ReturnPackage', ns('Package')],
    ['ImportExportStatesContainer', S],
    ['ImportExportStatesPath', S],
    ['EnableVerboseLog', B],
    ['BackupDriveManifest', B],
    ['IncompleteBlobListUri', S],
    ['CreatedTime', 'Edm.DateTime'],
  ],
  ReturnAddress: [
    ['Name', S, false],
    ['Address', S, false],
    ['Phone', S],
    ['Email', S],
  ],
  ReturnShipping: [
    ['CarrierName', S, false],
    ['CarrierAccountNumber', S, false],
  ],
  ShippingInformation: [
    ['Name', S, false],
    ['Address', S, false],
  ],
  Package: [
    ['CarrierName', S, false],
    ['TrackingNumber', S, false],
    ['DriveCount', I],
    ['ShipDate', S],
  ],
  Drive: [
    ['DriveId', S, false],
    ['BitLockerKey', S],
    ['ManifestFile', S],
    ['ManifestHash', S],
    ['State', S],
    ['CopyStatus', S],
    ['PercentComplete', I],
    ['VerboseLogUri', S],
    ['ErrorLogUri', S],
    ['ManifestUri', S],
  ],
  ExportFragment: [
    ['BlobListBlobPath', S],
    ['BlobList', ns('BlobList')],
  ],
  BlobList: [
    ['BlobPath', `Collection(${S})`],
    ['BlobPathPrefix', `Collection(${S})`],
  ],
  AzureError: [
    ['ExtendedCode', S],
    ['ExtendedInformation', S],
  ],
};

/** Entity types, keyed by `Name`, with the entity set that holds each. */
const ENTITY_TYPES: Readonly<Record<string, { set: string; properties: readonly Property[] }>> = {
  StorageAccount: { set: 'StorageAccounts', properties: [['Name', S, false]] },
  Job: {
    set: 'Jobs',
    properties: [
      ['Name', S, false],
      ['Properties', ns('Properties'), false],
      ['DriveList', `Collection(${ns('Drive')})`],
      ['Export', ns('ExportFragment')],
    ],
  },
  Location: {
    set: 'Locations',
    properties: [
      ['Name', S, false],
      ...['RecipientName', 'StreetAddress1', 'StreetAddress2', 'City', 'StateOrProvince', 'PostalCode'].map(
        (n): Property => [n, S, false],
      ),
      ['CountryOrRegion', S, false],
      ['SupportedCarriers', `Collection(${S})`],
    ],
  },
};

const property = ([name, type, nullable = true]: Property) =>
  `<Property Name="${name}" Type="${type}" Nullable="${String(nullable)}"/>`;

function build(): string {
  const entities = Object.entries(ENTITY_TYPES).map(
    ([name, t]) =>
      `<EntityType Name="${name}"><Key><PropertyRef Name="Name"/></Key>${t.properties.map(property).join('')}</EntityType>`,
  );
  const complex = Object.entries(COMPLEX_TYPES).map(
    ([name, props]) => `<ComplexType Name="${name}">${props.map(property).join('')}</ComplexType>`,
  );
  const sets = Object.entries(ENTITY_TYPES).map(
    ([name, t]) => `<EntitySet Name="${t.set}" EntityType="${ns(name)}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
    '<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx">',
    '<edmx:DataServices m:DataServiceVersion="3.0" m:MaxDataServiceVersion="3.0" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">',
    `<Schema Namespace="${NAMESPACE}" xmlns="http://schemas.microsoft.com/ado/2009/11/edm">`,
    ...entities,
    ...complex,
    '<EntityContainer Name="ImportExportData" m:IsDefaultEntityContainer="true">',
    ...sets,
    '</EntityContainer>',
    '</Schema>',
    '</edmx:DataServices>',
    '</edmx:Edmx>',
  ].join('\n');
}

export const METADATA_DOCUMENT = build();
