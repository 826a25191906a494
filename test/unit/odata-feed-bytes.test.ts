import type { Framing } from '../../shared/surfaces/classic-import-export/odata';
import {
  feed,
  feedBytes,
  itemBytes,
  Renderings,
  renderingKey,
  serialize,
} from '../../shared/surfaces/classic-import-export/odata';

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

describe('Renderings: wire bytes by parsed version and rendering key', () => {
  const f: Framing = { level: 'minimalmetadata', base };

  it('renders a version once per key, again for another key or another version', () => {
    const renderings = new Renderings();
    const v1 = Object.freeze({ Name: 'a' });
    const v2 = Object.freeze({ Name: 'a' });
    let renders = 0;
    const render = (v: { Name: string }) => () => (renders++, Buffer.from(v.Name));
    const first = renderings.of(v1, renderingKey('2014-11-01', f), render(v1));
    expect(renderings.of(v1, renderingKey('2014-11-01', f), render(v1))).toBe(first);
    expect(renders).toBe(1);
    renderings.of(v1, renderingKey('2014-05-01', f), render(v1));
    renderings.of(v1, renderingKey('2014-11-01', { ...f, level: 'fullmetadata' }), render(v1));
    renderings.of(v1, renderingKey('2014-11-01', { ...f, base: 'https://other.example/x' }), render(v1));
    renderings.of(v2, renderingKey('2014-11-01', f), render(v2));
    expect(renders).toBe(5);
  });

  it('keeps at most four renderings of a version, rendering any further key each time', () => {
    const renderings = new Renderings();
    const v = Object.freeze({});
    let renders = 0;
    const key = (i: number) => renderingKey('2014-11-01', { ...f, base: `https://h${i}.example` });
    for (let i = 0; i < 6; i++) renderings.of(v, key(i), () => (renders++, Buffer.alloc(0)));
    for (let i = 0; i < 6; i++) renderings.of(v, key(i), () => (renders++, Buffer.alloc(0)));
    expect(renders).toBe(8);
  });
});
