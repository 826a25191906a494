import type { DriveSpec, JobSpec } from '../../import-export/customer/job-spec';
import type { JobRevision } from '../../import-export/customer/revise-job';
import type { AddressParts, EncryptionKey, Package } from '../../import-export/model/model';
import { ACCOUNT_NAME, CONTAINER_NAME } from '../../import-export/model/names';
import { ArmError } from './arm-errors';
import type { DriveWireBody, PatchJobBody, PutJobBody } from './arm-wire.schema';

const STORAGE_ACCOUNT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.(Classic)?Storage\/storageAccounts\/([^/]+)$/i;
const HASH = /^([0-9a-fA-F]{32}|[0-9a-fA-F]{64})$/;
const MAX_HEADER_HASH = 4096;

type Wire<T> = { [K in keyof T]?: T[K] | undefined };

function addressOf(a: NonNullable<NonNullable<PutJobBody['properties']>['returnAddress']>): AddressParts {
  return {
    RecipientName: a.recipientName,
    StreetAddress1: a.streetAddress1,
    ...(a.streetAddress2 !== undefined && { StreetAddress2: a.streetAddress2 }),
    City: a.city,
    ...(a.stateOrProvince !== undefined && { StateOrProvince: a.stateOrProvince }),
    PostalCode: a.postalCode,
    CountryOrRegion: a.countryOrRegion,
    Phone: a.phone,
    Email: a.email,
  };
}

const packageOf = (p: {
  carrierName: string;
  trackingNumber: string;
  driveCount?: number | undefined;
  shipDate?: string | undefined;
}): Package => ({
  CarrierName: p.carrierName,
  TrackingNumber: p.trackingNumber,
  ...(p.driveCount !== undefined && { DriveCount: p.driveCount }),
  ...(p.shipDate !== undefined && { ShipDate: p.shipDate }),
});

function logLevelOf(level: string | undefined): boolean | undefined {
  if (level === undefined) return undefined;
  const l = level.toLowerCase();
  if (l !== 'error' && l !== 'verbose') {
    throw new ArmError(
      'InvalidLogLevel',
      `The log level '${level}' is invalid: Error or Verbose.`,
      'properties.logLevel',
    );
  }
  return l === 'verbose';
}

function drivesOf(list: readonly Wire<DriveWireBody>[]): DriveSpec[] {
  return list.map((d, i) => {
    const at = `properties.driveList[${i}]`;
    const fail = (member: string, why: string) => new ArmError('InvalidDriveList', why, `${at}.${member}`);
    if (!d.driveId || !/^[A-Za-z0-9-]{1,64}$/.test(d.driveId))
      throw fail('driveId', 'A driveId is the drive serial number: letters, digits and hyphens.');
    if (!d.manifestFile) throw fail('manifestFile', `Drive '${d.driveId}' needs its manifestFile.`);
    if (!d.manifestHash || !HASH.test(d.manifestHash))
      throw fail(
        'manifestHash',
        `Drive '${d.driveId}': manifestHash is 32 (MD5) or 64 (SHA-256) hex digits.`,
      );
    if (d.driveHeaderHash !== undefined && d.driveHeaderHash.length > MAX_HEADER_HASH)
      throw fail('driveHeaderHash', 'A driveHeaderHash has at most 4096 characters.');
    return {
      DriveId: d.driveId,
      ...(d.bitLockerKey !== undefined && { BitLockerKey: d.bitLockerKey }),
      ManifestFile: d.manifestFile,
      ManifestHash: d.manifestHash,
      ...(d.driveHeaderHash !== undefined && { DriveHeaderHash: d.driveHeaderHash }),
    };
  });
}

function encryptionKeyOf(
  k: NonNullable<NonNullable<PutJobBody['properties']>['encryptionKey']>,
): EncryptionKey {
  const type = (k.kekType ?? 'MicrosoftManaged').toLowerCase();
  if (type !== 'microsoftmanaged' && type !== 'customermanaged') {
    throw new ArmError(
      'InvalidRequestContent',
      `The kekType '${k.kekType ?? ''}' is invalid: MicrosoftManaged or CustomerManaged.`,
      'properties.encryptionKey.kekType',
    );
  }
  if (type === 'customermanaged' && !(k.kekUrl && /^https:\/\/\S+$/i.test(k.kekUrl))) {
    throw new ArmError(
      'InvalidRequestContent',
      'A CustomerManaged key needs an https kekUrl.',
      'properties.encryptionKey.kekUrl',
    );
  }
  return {
    KekType: type === 'customermanaged' ? 'CustomerManaged' : 'MicrosoftManaged',
    ...(k.kekUrl !== undefined && { KekUrl: k.kekUrl }),
    ...(k.kekVaultResourceID !== undefined && { KekVaultResourceId: k.kekVaultResourceID }),
  };
}

/** A PUT body as the domain's JobSpec (docs/arm-import-export.md#c3); server-owned members were never read. */
export function specOf(body: PutJobBody): JobSpec {
  const p: Partial<NonNullable<PutJobBody['properties']>> = body.properties ?? {};
  if (!body.location) throw new ArmError('InvalidLocation', 'The job needs a location.', 'location');
  const account = STORAGE_ACCOUNT_ID.exec(p.storageAccountId ?? '');
  const name = account?.[2] ?? '';
  if (!account || !ACCOUNT_NAME.test(name)) {
    throw new ArmError(
      'InvalidStorageAccountId',
      "storageAccountId must be '/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage/storageAccounts/{name}' with a 3 to 24 character lower-case name.",
      'properties.storageAccountId',
    );
  }
  const type = p.jobType?.toLowerCase();
  if (type !== 'import' && type !== 'export') {
    throw new ArmError(
      'InvalidJobType',
      `The jobType '${p.jobType ?? ''}' is invalid: Import or Export.`,
      'properties.jobType',
    );
  }
  if (p.diagnosticsPath !== undefined && !CONTAINER_NAME.test(p.diagnosticsPath)) {
    throw new ArmError(
      'InvalidDiagnosticsPath',
      'diagnosticsPath must be a container name (3 to 63 lower-case letters, digits and single hyphens).',
      'properties.diagnosticsPath',
    );
  }
  const verbose = logLevelOf(p.logLevel);
  const exp = p.export;
  return {
    location: body.location,
    storageAccountId: p.storageAccountId ?? '',
    storageAccountName: name,
    type: type === 'import' ? 'Import' : 'Export',
    ...(p.returnAddress && { returnAddress: addressOf(p.returnAddress) }),
    ...(p.returnShipping && {
      returnShipping: {
        CarrierName: p.returnShipping.carrierName,
        CarrierAccountNumber: p.returnShipping.carrierAccountNumber,
      },
    }),
    ...(p.deliveryPackage && { deliveryPackage: packageOf(p.deliveryPackage) }),
    ...(p.diagnosticsPath !== undefined && { statesPath: p.diagnosticsPath }),
    ...(verbose !== undefined && { verboseLog: verbose }),
    ...(p.backupDriveManifest !== undefined && { backupDriveManifest: p.backupDriveManifest }),
    ...(p.driveList && { drives: drivesOf(p.driveList) }),
    ...(exp && {
      export: {
        ...(exp.blobList && {
          BlobList: {
            ...(exp.blobList.blobPath && { BlobPath: exp.blobList.blobPath }),
            ...(exp.blobList.blobPathPrefix && { BlobPathPrefix: exp.blobList.blobPathPrefix }),
          },
        }),
        ...(exp.blobListBlobPath !== undefined && { BlobListBlobPath: exp.blobListBlobPath }),
      },
    }),
    ...(p.encryptionKey && { encryptionKey: encryptionKeyOf(p.encryptionKey) }),
    ...(body.tags && { tags: body.tags }),
  };
}

/** A PATCH body as the domain's JobRevision (docs/arm-import-export.md#c5). */
export function revisionOf(body: PatchJobBody): JobRevision {
  const p: Partial<NonNullable<PatchJobBody['properties']>> = body.properties ?? {};
  const state = p.state ?? '';
  if (state !== '' && state.toLowerCase() !== 'shipping') {
    throw new ArmError(
      'InvalidStateValue',
      `The state '${state}' cannot be set: only Shipping (or "" for no change).`,
      'properties.state',
    );
  }
  const verbose = logLevelOf(p.logLevel);
  return {
    ...(body.tags && { tags: body.tags }),
    ...(state !== '' && { ship: true }),
    ...(p.cancelRequested !== undefined && { cancelRequested: p.cancelRequested }),
    ...(p.returnAddress && { returnAddress: addressOf(p.returnAddress) }),
    ...(p.returnShipping && {
      returnShipping: {
        CarrierName: p.returnShipping.carrierName,
        CarrierAccountNumber: p.returnShipping.carrierAccountNumber,
      },
    }),
    ...(p.deliveryPackage && { deliveryPackage: packageOf(p.deliveryPackage) }),
    ...(verbose !== undefined && { verboseLog: verbose }),
    ...(p.backupDriveManifest !== undefined && { backupDriveManifest: p.backupDriveManifest }),
    ...(p.driveList && { drives: drivesOf(p.driveList) }),
  };
}
