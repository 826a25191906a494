import { ImportExportError } from './errors';
import type { Credential, JobType } from './model';
import { isContainerName } from './names';

const sasError = (message: string, detail?: string) =>
  new ImportExportError('InvalidContainerSas', message, detail);

/**
 * docs/contract/import-export.md#a5: `<container>?<token>`; the token has `sig`, `sv` of 2014-02-14 or later, and `si` or
 * `sp`; `sp`, when present, grants r,w,d for an import and r,w,l for an export. A token that
 * names another resource type than a container, or has already expired, is refused too.
 */
export function parseContainerSas(sas: string, type: JobType, now: Date): Credential {
  const q = sas.indexOf('?');
  if (q <= 0) throw sasError('A ContainerSas is the container name, a question mark and the SAS token.');
  const container = sas.slice(0, q);
  const token = sas.slice(q + 1);
  if (!isContainerName(container))
    throw sasError('The ContainerSas does not start with a valid container name.', container);
  const params = new URLSearchParams(token);
  if (!params.get('sig')) throw sasError('The SAS token has no signature (sig).');
  const sv = params.get('sv') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(sv) || sv < '2014-02-14') {
    throw sasError('The SAS token must have a service version (sv) of 2014-02-14 or later.', `sv=${sv}`);
  }
  const sr = params.get('sr');
  if (sr !== null && sr !== 'c') throw sasError('The SAS must be a container SAS (sr=c).', `sr=${sr}`);
  const si = params.get('si');
  const sp = params.get('sp');
  if (!si && !sp) throw sasError('The SAS token needs permissions (sp) or a stored access policy (si).');
  if (sp) {
    const needed = type === 'Import' ? 'rwd' : 'rwl';
    const missing = [...needed].filter((p) => !sp.includes(p));
    if (missing.length > 0) {
      throw sasError(`An ${type.toLowerCase()} job's SAS must grant ${[...needed].join(', ')}.`, `sp=${sp}`);
    }
  }
  const se = params.get('se');
  if (se && Number.isFinite(Date.parse(se)) && Date.parse(se) <= now.getTime()) {
    throw sasError('The SAS token has expired.', `se=${se}`);
  }
  return { Kind: 'ContainerSas', Container: container, Token: token };
}

/** Azure account keys are the base64 of 64 random bytes. */
export function isAccountKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{86}==$/.test(key);
}
