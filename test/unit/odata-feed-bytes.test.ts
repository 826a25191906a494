import type { Framing } from '../../shared/surfaces/classic-import-export/odata';
import { feed, feedBytes, itemBytes, serialize } from '../../shared/surfaces/classic-import-export/odata';

/** The List Jobs page written in one pass (issue 15) is byte for byte the feed serialized whole. */
const base = 'https://h.example/0a1b/services/importexport';
const items = [
  { ref: { type: 'Job' as const, id: 'a/b', editPath: 'jobs/a' }, props: { Name: 'a', Path: '/x/y', N: 1 } },
  {
    ref: { type: 'Job' as const, id: 'c', editPath: 'jobs/c' },
    props: { Name: 'c "q" \u2028', Nested: { L: [1, '/'] } },
  },
];

it.each(['nometadata', 'minimalmetadata', 'fullmetadata'] as const)(
  'a feed at %s is the same bytes whether written whole or from its items',
  (level) => {
    const f: Framing = { level, base };
    const parts = items.map((i) => itemBytes(f, i.ref, i.props));
    expect(serialize(feedBytes(f, 'Jobs', parts))).toBe(serialize(feed(f, 'Jobs', items)));
    const next = `${base}/storageaccounts/acc/jobs?$skiptoken=a%2Fb`;
    expect(serialize(feedBytes(f, 'Jobs', parts, next))).toBe(serialize(feed(f, 'Jobs', items, next)));
    expect(serialize(feedBytes(f, 'Jobs', []))).toBe(serialize(feed(f, 'Jobs', [])));
  },
);

it('escapes every slash as the classic service did, in items and links alike', () => {
  const f: Framing = { level: 'minimalmetadata', base };
  const text = serialize(feedBytes(f, 'Jobs', [itemBytes(f, items[0]!.ref, items[0]!.props)], `${base}/n`));
  expect(text).not.toMatch(/[^\\]\//);
  expect(JSON.parse(text)['odata.nextLink']).toBe(`${base}/n`);
});
