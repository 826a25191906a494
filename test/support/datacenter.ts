import { classicPutCommand } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { createHash, randomBytes } from 'node:crypto';
import type { JobDefinition } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { putJob } from '../../shared/import-export/customer/put-job';
import type { Runtime } from '../../shared/app/runtime';
import { CUSTOMER1 } from './customer-blobs';
import { customerShips, RETURN_ADDRESS } from './shipping';

export const KEYS = [
  '259358-100188-581471-154165-090552-296406-410091-426844',
  '360294-634645-210485-401192-415272-513568-389334-516043',
];

/** A drive manifest (reference §8) for a drive, and its Base16 MD5 as Put Job takes it. */
export function manifestFor(driveId: string, blobs = 1): { xml: string; hash: string } {
  const items = Array.from(
    { length: blobs },
    (_, i) =>
      `<Blob><BlobPath>photos/p${i}.jpg</BlobPath><FilePath>\\photos\\p${i}.jpg</FilePath><Length>1024</Length><BlockList><Block Offset="0" Length="1024" Hash="263DC9C4B99C2177769C5EBE04787037"/></BlockList></Blob>`,
  ).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<DriveManifest Version="2014-11-01"><Drive><DriveId>${driveId}</DriveId><StorageAccountKey>redacted</StorageAccountKey><BlobList>${items}</BlobList></Drive></DriveManifest>`;
  return { xml, hash: createHash('md5').update(xml).digest('hex').toUpperCase() };
}

export const uniqueName = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

/** An import job's Put Job body on customer1 (key), one drive per id, with manifests that match. */
export function importDefinition(
  driveIds: string[],
  props: Partial<JobDefinition['Properties']> = {},
  hashes: Record<string, string> = {},
): JobDefinition {
  return {
    Properties: {
      StorageAccountKey: CUSTOMER1.key,
      Location: 'West US',
      Type: 'Import',
      ReturnAddress: RETURN_ADDRESS,
      ...props,
    },
    DriveList: driveIds.map((DriveId, i) => ({
      DriveId,
      BitLockerKey: KEYS[i % 2]!,
      ManifestFile: '\\DriveManifest.xml',
      ManifestHash: hashes[DriveId] ?? manifestFor(DriveId).hash,
    })),
  };
}

/** Puts a job and moves it to Shipping, as a customer does: Put Job, then Update Job Properties. */
export async function shippedJob(
  rt: Runtime,
  sub: string,
  name: string,
  account: string,
  definition: JobDefinition,
): Promise<void> {
  await putJob(
    rt.jobs,
    classicPutCommand({
      subscriptionId: sub,
      storageAccountName: account,
      jobName: name,
      version: '2014-11-01',
      definition,
      conditions: { kind: 'none' },
    }),
  );
  await customerShips(rt, { subscriptionId: sub, storageAccountName: account, jobName: name });
}
