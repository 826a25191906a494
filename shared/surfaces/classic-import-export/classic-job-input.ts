import type { Conditions } from '../../kernel/conditions';
import { ImportExportError } from '../../import-export/model/errors';
import type { JobAddress, NewJob } from '../../import-export/customer/new-job';
import type { PutJobCommand } from '../../import-export/customer/put-job';
import type { JobType, ReturnAddress, ReturnShipping } from '../../import-export/model/model';
import { ClassicError } from './errors';
import type { ApiVersion } from './versions';

/** A Put Job body as the wire schema delivers it (wire/put-job.schema.ts). */
export interface JobDefinition {
  Name?: string;
  Properties: {
    StorageAccountName?: string;
    StorageAccountKey?: string;
    ContainerSas?: string;
    Location: string;
    Type: JobType;
    FriendlyName?: string;
    Description?: string;
    Metadata?: string;
    ReturnAddress?: ReturnAddress;
    ReturnShipping?: ReturnShipping;
    ImportExportStatesPath?: string;
    ImportExportStatesContainer?: string;
    EnableVerboseLog?: boolean;
    BackupDriveManifest?: boolean;
  };
  DriveList?: NewJob['DriveList'];
  Export?: NewJob['Export'];
}

const unsupported = (property: string, version: ApiVersion) =>
  new ClassicError(
    'PropertyNotSupportedInVersion',
    `${property} is not supported in version ${version}.`,
    `Properties.${property}`,
  );

/**
 * The classic body's own rules (docs/contract/import-export.md#a5): the name and account it
 * repeats must match the URI, and each version has its own field for the states path; then the
 * domain's neutral input.
 */
export function classicJobInput(def: JobDefinition, at: JobAddress, version: ApiVersion): NewJob {
  const p = def.Properties;
  if (def.Name !== undefined && def.Name.toLowerCase() !== at.jobName.toLowerCase()) {
    throw new ImportExportError(
      'JobNameMismatch',
      'The Name in the body differs from the job name in the URI.',
      def.Name,
    );
  }
  if (p.StorageAccountName !== undefined && p.StorageAccountName !== at.storageAccountName) {
    throw new ImportExportError(
      'StorageAccountNameMismatch',
      'Properties.StorageAccountName differs from the storage account in the URI.',
      p.StorageAccountName,
    );
  }
  if (version === '2014-05-01') {
    if (p.ContainerSas !== undefined) throw unsupported('ContainerSas', version);
    if (p.ImportExportStatesPath !== undefined) throw unsupported('ImportExportStatesPath', version);
  } else if (p.ImportExportStatesContainer !== undefined) {
    throw unsupported('ImportExportStatesContainer', version);
  }
  const { StorageAccountName: _account, ImportExportStatesPath, ImportExportStatesContainer, ...rest } = p;
  const statesPath = ImportExportStatesPath ?? ImportExportStatesContainer;
  return {
    ...rest,
    ...(statesPath !== undefined && {
      StatesPath: statesPath,
      StatesPathField:
        ImportExportStatesPath !== undefined ? 'ImportExportStatesPath' : 'ImportExportStatesContainer',
    }),
    ...(def.DriveList !== undefined && { DriveList: def.DriveList }),
    ...(def.Export !== undefined && { Export: def.Export }),
  };
}

/** A Put Job request of the classic API as the domain's command. */
export const classicPutCommand = (c: {
  subscriptionId: string;
  storageAccountName: string;
  jobName: string;
  version: ApiVersion;
  definition: JobDefinition;
  conditions: Conditions;
}): PutJobCommand => ({
  subscriptionId: c.subscriptionId,
  storageAccountName: c.storageAccountName,
  jobName: c.jobName,
  input: classicJobInput(c.definition, c, c.version),
  conditions: c.conditions,
});
