import {
  BlobClient,
  BlobServiceClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { CUSTOMER_ACCOUNTS } from './accounts';
import { parseWritten } from './xml';

/** The customer accounts of the run's Azurite (docs/contract/import-export.md#b2), seen from the customer's side. */
export const [CUSTOMER1, CUSTOMER2] = CUSTOMER_ACCOUNTS as [
  (typeof CUSTOMER_ACCOUNTS)[number],
  (typeof CUSTOMER_ACCOUNTS)[number],
];

const endpointOf = (account: string): string =>
  (process.env.CUSTOMER_BLOB_ENDPOINT ?? '').replace('{account}', account);

const keyOf = (account: string) => {
  const found = CUSTOMER_ACCOUNTS.find((a) => a.name === account);
  if (!found) throw new Error(`no test account ${account}`);
  return new StorageSharedKeyCredential(found.name, found.key);
};

export const serviceOf = (account: string): BlobServiceClient =>
  new BlobServiceClient(endpointOf(account), keyOf(account));

/** Creates a container (if needed) and a block blob in it; answers the blob's client. */
export async function putBlob(
  account: string,
  container: string,
  name: string,
  content: string | number = 'x',
) {
  const c = serviceOf(account).getContainerClient(container);
  await c.createIfNotExists();
  const body = typeof content === 'number' ? Buffer.alloc(content, 1) : content;
  const blob = c.getBlockBlobClient(name);
  await blob.upload(body, Buffer.byteLength(body));
  return blob;
}

/** A container SAS as Put Job takes it: `<container>?<token>`, signed with the account key. */
export function containerSas(
  account: string,
  container: string,
  opts: { permissions?: string; identifier?: string } = {},
): string {
  const token = generateBlobSASQueryParameters(
    {
      containerName: container,
      version: '2020-08-04',
      ...(opts.identifier
        ? { identifier: opts.identifier }
        : {
            permissions: ContainerSASPermissions.parse(opts.permissions ?? 'rwdl'),
            expiresOn: new Date(Date.now() + 24 * 3600 * 1000),
          }),
    },
    keyOf(account),
  ).toString();
  return `${container}?${token}`;
}

/** Downloads a blob the service wrote, by its URL, with the account key: text and content type. */
export async function download(url: string): Promise<{ text: string; contentType: string | undefined }> {
  const account = new URL(url).pathname.split('/')[1] ?? '';
  const client = new BlobClient(url, keyOf(account));
  const props = await client.getProperties();
  const text = (await client.downloadToBuffer()).toString('utf8');
  return { text, contentType: props.contentType };
}

/** Downloads and parses an XML blob the service wrote, checking it is an application/xml block blob. */
export async function downloadXml(url: string): Promise<any> {
  const account = new URL(url).pathname.split('/')[1] ?? '';
  const props = await new BlobClient(url, keyOf(account)).getProperties();
  expect(props.blobType).toBe('BlockBlob');
  const { text, contentType } = await download(url);
  expect(contentType).toBe('application/xml');
  return parseWritten(text);
}

/** Every blob name in a container of a customer account. */
export async function blobNames(account: string, container: string): Promise<string[]> {
  const names: string[] = [];
  const c = serviceOf(account).getContainerClient(container);
  if (!(await c.exists())) return names;
  for await (const b of c.listBlobsFlat()) names.push(b.name);
  return names;
}
