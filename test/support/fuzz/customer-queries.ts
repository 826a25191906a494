import fc from 'fast-check';
import { JOB_STATES } from '../../../shared/import-export/model/model';
import { toRequest } from './calls';
import type { CustomerFixture } from './customer-calls';
import { call } from './customer-calls';
import type { FuzzRequest } from './raw-http';
import { anyText } from './values';

/** List Jobs query values the service refuses (docs/contract/import-export.md#a10), each beside valid ones. */

const isState = (s: string) => (JOB_STATES as readonly string[]).includes(s);

const badType = anyText(10).filter((t) => !['import', 'export'].includes(t.toLowerCase()));
const badDate = fc.oneof(
  fc.constantFrom(
    '2014-13-01',
    '2014-02-30T00:00:00Z',
    '2014-05-01T25:00',
    '2014-05-01T10:60',
    'yesterday',
    '1398902400',
  ),
  fc.constantFrom('2014-05-01T00:00:00+25:00', '2014-5-1', '2014-05-01T00:00:00.12345678Z', ''),
  anyText(12).filter((d) => !/^\d{4}-\d{2}-\d{2}/.test(d.trim())),
);
const badStates = fc
  .tuple(
    fc.subarray([...JOB_STATES]),
    fc.oneof(fc.constantFrom('creating', 'SHIPPING', 'Done', '', ' Shipping'), anyText(10)),
  )
  .filter(([, s]) => s.split(',').some((part) => !isState(part)))
  .map(([good, bad]) => [...good, bad].join(','));
const badTop = fc.oneof(
  fc.constantFrom('0', '1001', '-1', '1.5', '1e3', 'ten', '', '10000', '0x10'),
  fc.integer({ min: 1001, max: 1e9 }).map(String),
);

/** A $skiptoken that is not one this listing issued: altered, foreign, or invented. */
function badSkipToken(f: CustomerFixture) {
  const [payload = '', signature = ''] = f.skipToken.split('.');
  const flip = (s: string, i: number) => {
    const at = i % s.length;
    return `${s.slice(0, at)}${s[at] === 'A' ? 'B' : 'A'}${s.slice(at + 1)}`;
  };
  return fc.oneof(
    fc.nat().map((i) => ({ token: `${flip(payload, i)}.${signature}`, extra: [] as [string, string][] })),
    // Not the last character of the signature: some of its bits are base64 padding.
    fc.nat().map((i) => ({
      token: `${payload}.${flip(signature.slice(0, -1), i)}${signature.slice(-1)}`,
      extra: [] as [string, string][],
    })),
    fc.constantFrom<[string, string][]>([['type', 'import']], [['states', 'Creating']], []).map((extra) => ({
      token: f.skipToken,
      extra,
    })),
    fc
      .oneof(fc.base64String({ maxLength: 60 }), anyText(40))
      .map((token) => ({ token, extra: [] as [string, string][] })),
  );
}

export function listQueryDefects(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  const valid = fc.subarray<[string, string]>([
    ['type', 'Import'],
    ['states', 'Creating,Shipping'],
    ['from', '2014-05-01T00:00:00.0000000Z'],
    ['$top', '5'],
  ]);
  type Bad = [string, [string, string][]];
  const bad = fc.oneof(
    badType.map((v): Bad => [`type=${v}`, [['type', v]]]),
    fc.tuple(fc.constantFrom('from', 'to'), badDate).map(([k, v]): Bad => [`${k}=${v}`, [[k, v]]]),
    badStates.map((v): Bad => [`states=${v}`, [['states', v]]]),
    badTop.map((v): Bad => [`$top=${v}`, [['$top', v]]]),
    badSkipToken(f).map(({ token, extra }): Bad => [
      `$skiptoken ${token.slice(0, 30)} with ${JSON.stringify(extra)}`,
      [['$top', extra.length === 0 ? '3' : '2'], ...extra, ['$skiptoken', token]],
    ]),
  );
  return fc.tuple(valid, bad).map(([good, [defect, params]]) => {
    const names = new Set(params.map(([k]) => k));
    const query = [...good.filter(([k]) => !names.has(k)), ...params];
    return toRequest({ ...call(f, 'GET', '/storageaccounts/xttest/jobs'), query }, `List Jobs ${defect}`);
  });
}
