import { isAccountKey, parseContainerSas } from '../../shared/import-export/model/container-sas';

const now = new Date('2014-11-01T00:00:00Z');
const DOC_SAS =
  'mycontainer?sv=2014-02-14&sr=c&si=abcde&sig=LiqEmV%2Fs1LF4loC%2FJs9ZM91%2FkqfqHKhnz0JM6bqIqN0%3D&se=2014-11-20T23%3A54%3A14Z&sp=rwdl';

describe('container SAS rules (docs/contract/import-export.md#a5)', () => {
  it('accepts the documented example for an import and an export', () => {
    expect(parseContainerSas(DOC_SAS, 'Import', now)).toEqual({
      Kind: 'ContainerSas',
      Container: 'mycontainer',
      Token: DOC_SAS.split('?')[1],
    });
    expect(parseContainerSas(DOC_SAS, 'Export', now).Kind).toBe('ContainerSas');
  });

  it('accepts a stored access policy without sp', () => {
    expect(parseContainerSas('c1c?sv=2015-04-05&si=policy&sig=x', 'Import', now).Kind).toBe('ContainerSas');
  });

  it.each([
    ['no question mark', 'mycontainer'],
    ['no container', '?sv=2014-02-14&sp=rwdl&sig=x'],
    ['a bad container name', 'My_Container?sv=2014-02-14&sp=rwdl&sig=x'],
    ['no signature', 'mycontainer?sv=2014-02-14&sp=rwdl'],
    ['an old service version', 'mycontainer?sv=2013-08-15&sp=rwdl&sig=x'],
    ['no service version', 'mycontainer?sp=rwdl&sig=x'],
    ['neither si nor sp', 'mycontainer?sv=2014-02-14&sig=x'],
    ['a blob SAS', 'mycontainer?sv=2014-02-14&sr=b&sp=rwdl&sig=x'],
    ['import permissions without delete', 'mycontainer?sv=2014-02-14&sp=rwl&sig=x'],
    ['an expired token', 'mycontainer?sv=2014-02-14&sp=rwdl&sig=x&se=2014-10-01T00%3A00%3A00Z'],
  ])('refuses %s with InvalidContainerSas', (_why, sas) => {
    expect(() => parseContainerSas(sas, 'Import', now)).toThrow(
      expect.objectContaining({ code: 'InvalidContainerSas' }),
    );
  });

  it('wants r, w and l for an export', () => {
    expect(() => parseContainerSas('mycontainer?sv=2014-02-14&sp=rwd&sig=x', 'Export', now)).toThrow(
      expect.objectContaining({ code: 'InvalidContainerSas' }),
    );
  });

  it('recognises account keys as the base64 of 64 bytes', () => {
    expect(isAccountKey(Buffer.alloc(64, 9).toString('base64'))).toBe(true);
    expect(isAccountKey(Buffer.alloc(32, 9).toString('base64'))).toBe(false);
    expect(isAccountKey('not a key')).toBe(false);
  });
});
