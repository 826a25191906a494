import { randomBytes } from 'node:crypto';
import {
  parseDateTime,
  parseListJobsQuery,
} from '../../shared/surfaces/classic-import-export/list-jobs-query';
import { openSkipToken, signSkipToken } from '../../shared/surfaces/classic-import-export/skip-token';

const q = (s: string) => parseListJobsQuery(new URLSearchParams(s));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('List Jobs query parameters (docs/contract/import-export.md#a10)', () => {
  it('reads type case-insensitively', () => {
    expect(q('type=IMPORT').filter.type).toBe('Import');
    expect(q('type=export').filter.type).toBe('Export');
  });

  it('reads states case-sensitively, any state of C.1, in a canonical order', () => {
    expect(q('states=Shipping,Creating,Received,Faulted,Closed').filter.states).toEqual([
      'Closed',
      'Creating',
      'Faulted',
      'Received',
      'Shipping',
    ]);
  });

  it.each([
    'type=both',
    'type=',
    'states=creating',
    'states=Creating,',
    'states=Creating, Shipping',
    'states=',
    '$top=0',
    '$top=1001',
    '$top=1.5',
    '$top=-1',
    '$top=ten',
    'from=yesterday',
    'from=2014-13-01T00:00:00Z',
    'to=2014-02-30T00:00:00Z',
    'to=2014-01-01T24:00:00Z',
  ])('%s is InvalidQueryParameterValue', (s) => {
    expect(code(() => q(s))).toBe('InvalidQueryParameterValue');
  });

  it('accepts $top from 1 to 1000', () => {
    expect(q('$top=1').top).toBe(1);
    expect(q('$top=1000').top).toBe(1000);
  });

  it('reads the documented DateTime form and rounds sub-millisecond bounds inwards', () => {
    expect(parseDateTime('from', '2013-09-01T00:00:00.0000000Z').toISOString()).toBe(
      '2013-09-01T00:00:00.000Z',
    );
    expect(parseDateTime('from', '2013-09-01T00:00:00.0001000Z').toISOString()).toBe(
      '2013-09-01T00:00:00.001Z',
    );
    expect(parseDateTime('to', '2013-09-01T00:00:00.0009999Z').toISOString()).toBe(
      '2013-09-01T00:00:00.000Z',
    );
    expect(parseDateTime('to', '2013-09-01').toISOString()).toBe('2013-09-01T00:00:00.000Z');
    expect(parseDateTime('to', '2013-09-01T02:00:00+02:00').toISOString()).toBe('2013-09-01T00:00:00.000Z');
  });

  it('carries the filters, $top and $format, and nothing else, to the next link', () => {
    const p = q(
      'type=import&states=Creating&from=2013-09-01&to=2014-01-01&$top=5&$format=json&timeout=30&$skiptoken=x',
    );
    expect(p.carried.map(([k]) => k)).toEqual(['type', 'from', 'to', 'states', '$top', '$format']);
    expect(p.skipToken).toBe('x');
  });

  it('gives equal canonical forms to equal filters however they are spelled', () => {
    expect(q('type=IMPORT&states=Shipping,Creating').canonical).toBe(
      q('states=Creating,Shipping&type=import').canonical,
    );
    expect(q('type=import').canonical).not.toBe(q('type=export').canonical);
    expect(q('$top=5').canonical).not.toBe(q('$top=6').canonical);
  });
});

describe('$skiptoken', () => {
  const key = randomBytes(32);
  const scope = {
    subscriptionId: 'sub',
    storageAccountName: 'acct',
    query: '["Import",null,null,null,null]',
  };
  const position = { after: 'list_acct_2024-01-01T00:00:00.000Z_job1', returned: 1000 };

  it('round-trips a position', () => {
    expect(openSkipToken(key, scope, signSkipToken(key, scope, position))).toEqual(position);
  });

  it('refuses a token whose payload or signature was altered', () => {
    const token = signSkipToken(key, scope, position);
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(
      Buffer.from(payload!, 'base64url').toString().replace('1000', '9000'),
    ).toString('base64url');
    expect(code(() => openSkipToken(key, scope, `${forged}.${sig}`))).toBe('InvalidQueryParameterValue');
    const flipped = sig!.startsWith('A') ? `B${sig!.slice(1)}` : `A${sig!.slice(1)}`;
    expect(code(() => openSkipToken(key, scope, `${payload}.${flipped}`))).toBe('InvalidQueryParameterValue');
    expect(code(() => openSkipToken(key, scope, 'garbage'))).toBe('InvalidQueryParameterValue');
    expect(code(() => openSkipToken(key, scope, ''))).toBe('InvalidQueryParameterValue');
  });

  it('refuses a token of another listing, subscription, account or key', () => {
    const token = signSkipToken(key, scope, position);
    for (const other of [
      { ...scope, subscriptionId: 'other' },
      { ...scope, storageAccountName: 'other' },
      { ...scope, query: '["Export",null,null,null,null]' },
    ]) {
      expect(code(() => openSkipToken(key, other, token))).toBe('InvalidQueryParameterValue');
    }
    expect(code(() => openSkipToken(randomBytes(32), scope, token))).toBe('InvalidQueryParameterValue');
  });
});
