import type { JobSummary } from '../../import-export/model/model';
import { shortNameOf } from '../../import-export/model/locations';
import { ArmError } from './arm-errors';

/**
 * The documented `$filter` subset (docs/arm-import-export.md#c7): `<field> eq|ne <value>`,
 * `<field> in ('a','b')`, `systemData/createdAt ge|le <time>`, joined by `and`.
 */
type Predicate = (j: JobSummary) => boolean;

const TOKEN = /\s*('(?:[^']|'')*'|\(|\)|,|[^\s(),']+)/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) out.push(m[1] ?? '');
  if (text.slice(TOKEN.lastIndex).trim() !== '') throw bad(`cannot read '${text.slice(TOKEN.lastIndex)}'`);
  return out;
}

const bad = (why: string) =>
  new ArmError('InvalidFilter', `The $filter is not supported: ${why}.`, '$filter');

const unquote = (t: string): string => {
  if (!/^'.*'$/s.test(t)) throw bad(`expected a quoted string, found '${t}'`);
  return t.slice(1, -1).replace(/''/g, "'");
};

function fieldOf(name: string): ((j: JobSummary) => string | undefined) | undefined {
  const n = name.toLowerCase();
  if (n === 'properties/state') return (j) => j.State.toLowerCase();
  if (n === 'properties/jobtype') return (j) => j.Type.toLowerCase();
  if (n === 'location') return (j) => shortNameOf(j.Location);
  if (n === 'properties/storageaccountid') return (j) => j.StorageAccountId?.toLowerCase();
  if (n === 'properties/cancelrequested') return (j) => String(j.CancelRequested);
  if (n.startsWith('tags/') && name.length > 5) return (j) => j.Tags?.[name.slice(5)]?.toLowerCase();
  return undefined;
}

function valueOf(field: string, token: string): string {
  if (field.toLowerCase() === 'properties/cancelrequested') {
    if (token !== 'true' && token !== 'false') throw bad('properties/cancelRequested takes true or false');
    return token;
  }
  const v = unquote(token).toLowerCase();
  return field.toLowerCase() === 'location' ? shortNameOf(v) : v;
}

function clause(t: string[], i: number): [Predicate, number] {
  const field = t[i] ?? '';
  const op = (t[i + 1] ?? '').toLowerCase();
  if (field.toLowerCase() === 'systemdata/createdat' && (op === 'ge' || op === 'le')) {
    const raw = t[i + 2] ?? '';
    const at = Date.parse(/^'/.test(raw) ? unquote(raw) : raw);
    if (!Number.isFinite(at)) throw bad(`'${raw}' is not an ISO 8601 time`);
    return [
      op === 'ge' ? (j) => Date.parse(j.CreatedTime) >= at : (j) => Date.parse(j.CreatedTime) <= at,
      i + 3,
    ];
  }
  const get = fieldOf(field);
  if (!get) throw bad(`the field '${field}' cannot be filtered on`);
  if (op === 'eq' || op === 'ne') {
    const v = valueOf(field, t[i + 2] ?? '');
    return [op === 'eq' ? (j) => get(j) === v : (j) => get(j) !== v, i + 3];
  }
  if (op === 'in') {
    if (t[i + 2] !== '(') throw bad("'in' takes a parenthesised list");
    const values: string[] = [];
    let k = i + 3;
    for (;;) {
      values.push(valueOf(field, t[k] ?? ''));
      if (t[k + 1] === ',') k += 2;
      else if (t[k + 1] === ')') break;
      else throw bad("an 'in' list is quoted values separated by commas");
    }
    return [(j) => values.includes(get(j) ?? '\u0000'), k + 2];
  }
  throw bad(`the operator '${op}' is not supported (eq, ne, in; ge and le on systemData/createdAt)`);
}

export function parseFilter(text: string | undefined): Predicate {
  if (text === undefined || text.trim() === '') return () => true;
  const t = tokens(text);
  const preds: Predicate[] = [];
  let i = 0;
  for (;;) {
    const [p, next] = clause(t, i);
    preds.push(p);
    if (next >= t.length) break;
    if ((t[next] ?? '').toLowerCase() !== 'and')
      throw bad(`'${t[next] ?? ''}' where 'and' was expected (no or, not or parentheses)`);
    i = next + 1;
  }
  return (j) => preds.every((p) => p(j));
}
