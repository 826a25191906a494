import { checkExportSelection, isBlobPath } from '../../shared/import-export/model/export-paths';
import type { Credential } from '../../shared/import-export/model/model';

const key: Credential = { Kind: 'StorageAccountKey', Key: 'k' };
const sas: Credential = { Kind: 'ContainerSas', Container: 'bob', Token: 'sig=x' };
const code = (c: string) => expect.objectContaining({ code: c });

describe('export selections (docs/contract/import-export.md#a5)', () => {
  it.each([
    ['pictures/city/redmond.jpg', true],
    ['$root/readme.txt', true],
    ['/pictures/a.jpg', false],
    ['pictures', false],
    ['pictures/', false],
    ['Pictures/a.jpg', false],
  ])('blob path %s is valid: %s', (p, ok) => {
    expect(isBlobPath(p)).toBe(ok);
  });

  it('keeps a valid BlobList or BlobListBlobPath as given', () => {
    const list = { BlobPath: ['bob/a.txt'], BlobPathPrefix: ['/bob/', '/', '/$root/'] };
    expect(checkExportSelection({ BlobList: list }, key)).toEqual({ BlobList: list });
    expect(checkExportSelection({ BlobListBlobPath: 'lists/export.xml' }, key)).toEqual({
      BlobListBlobPath: 'lists/export.xml',
    });
  });

  it.each([
    ['no selection', {}],
    ['both forms', { BlobList: { BlobPath: ['a1b/c'] }, BlobListBlobPath: 'a1b/list.xml' }],
    ['an empty list', { BlobList: { BlobPath: [], BlobPathPrefix: [] } }],
    ['a path without container', { BlobList: { BlobPath: ['readme.txt'] } }],
    ['a prefix without leading slash', { BlobList: { BlobPathPrefix: ['bob/'] } }],
    ['a bad blob list path', { BlobListBlobPath: 'list.xml' }],
    [
      'a list over 32 KB',
      {
        BlobList: {
          BlobPath: Array.from({ length: 2000 }, (_, i) => `container/blob-${i}-${'x'.repeat(10)}`),
        },
      },
    ],
  ])('refuses %s with InvalidExportBlobList', (_why, selection) => {
    expect(() => checkExportSelection(selection, key)).toThrow(code('InvalidExportBlobList'));
  });

  it('with a container SAS, keeps every path inside the SAS container', () => {
    expect(
      checkExportSelection({ BlobList: { BlobPath: ['bob/a'], BlobPathPrefix: ['/bob/x'] } }, sas),
    ).toBeDefined();
    expect(() => checkExportSelection({ BlobList: { BlobPath: ['bobkids/a'] } }, sas)).toThrow(
      code('InvalidExportBlobList'),
    );
    expect(() => checkExportSelection({ BlobList: { BlobPathPrefix: ['/bob'] } }, sas)).toThrow(
      code('InvalidExportBlobList'),
    );
    expect(() => checkExportSelection({ BlobList: { BlobPathPrefix: ['/'] } }, sas)).toThrow(
      code('InvalidExportBlobList'),
    );
    expect(() => checkExportSelection({ BlobListBlobPath: 'other/list.xml' }, sas)).toThrow(
      code('InvalidExportBlobList'),
    );
  });
});
