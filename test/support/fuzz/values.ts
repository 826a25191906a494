import fc from 'fast-check';

/**
 * Values the fuzzer builds requests from. Every "bad" arbitrary yields only values the contract
 * refuses, so a request carrying one must be rejected whatever else it holds.
 */

/** Latin-1 text without control characters: what an HTTP header value can carry at all. */
export const headerText = (maxLength = 40) =>
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f && (c < 0x80 || c > 0x9f))
      .map((c) => String.fromCharCode(c)),
    maxLength,
  });

/** Any text, astral planes, combining marks and lone surrogates included. */
export const anyText = (maxLength = 30) =>
  fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }));

/** Characters (code points) in a string, as zod's length limits count them. */
export const charCount = (s: string): number => [...s].length;

/** A string of `min..max` characters (code points), built without generating every one. */
export const textOfLength = (min: number, max: number) =>
  fc
    .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.integer({ min, max }))
    .map(([seed, n]) => {
      const chars = [...seed];
      return Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('');
    });

/** A string longer than `limit` characters: up to a few KB over, now and then far more. */
export const tooLong = (limit: number) =>
  fc.oneof(
    { weight: 9, arbitrary: textOfLength(limit + 1, limit + 2048) },
    { weight: 1, arbitrary: textOfLength(limit + 50_000, limit + 200_000) },
  );

/** Any JSON value of the given kind, for type confusion. */
const JSON_KINDS = {
  string: () => anyText(10),
  number: () => fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: () => fc.boolean(),
  null: () => fc.constant(null),
  array: () => fc.array(fc.oneof(fc.integer(), anyText(5)), { maxLength: 3 }),
  object: () => fc.dictionary(fc.constantFrom('a', 'b', 'Name'), fc.integer(), { maxKeys: 2 }),
} as const;
export type JsonKind = keyof typeof JSON_KINDS;

export const kindOf = (v: unknown): JsonKind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as 'string' | 'number' | 'boolean' | 'object');

/** A JSON value of another kind than `v`'s: never what a field of v's kind accepts. */
export const otherKindThan = (v: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    ...(Object.keys(JSON_KINDS) as JsonKind[])
      .filter((k) => k !== kindOf(v))
      .map((k) => JSON_KINDS[k]() as fc.Arbitrary<unknown>),
  );

/**
 * Property names no request schema has at any level: every schema property is PascalCase ASCII,
 * so a name that does not start with an upper-case letter is unknown everywhere (annotations,
 * `odata.*` and `*@odata.*`, are left out: they are accepted and ignored, docs/contract/import-export.md#a5).
 */
export const unknownKey = fc
  .oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'properties', 'name', ''),
    fc.constantFrom('Extra', 'Padding', 'Unknown', 'StorageAccountKeys', 'Size'),
    anyText(12).filter((k) => !/^[A-Z]/.test(k)),
  )
  .filter((k) => !k.startsWith('odata.') && !k.includes('@odata.'));

/** Strings that are not job names (docs/contract/import-export.md#a5: 2 to 64 of letters, digits, `_`, `-`, first a letter). */
export const badJobName = fc.oneof(
  fc.constantFrom('1job', '_job', '-job', 'j', 'job.name', 'job name', 'jöb', 'job%', 'JOB/x', '日本語'),
  fc.stringMatching(/^[0-9_-][A-Za-z0-9_-]{1,20}$/),
  textOfLength(65, 300).map((s) => `J${s.replace(/[^A-Za-z0-9]/g, 'x')}`),
  anyText(20).filter((s) => s.length > 0 && !/^[A-Za-z][A-Za-z0-9_-]{1,63}$/.test(s)),
);

/** Strings that are not storage account names (3 to 24 lower-case letters and digits). */
export const badAccountName = fc.oneof(
  fc.constantFrom('ab', 'XTTEST', 'xt-test', 'xt_test', 'a'.repeat(25), 'xttést', 'xt test', '$root'),
  anyText(30).filter((s) => s.length > 0 && !/^[a-z0-9]{3,24}$/.test(s)),
);

/** Strings that are not GUIDs. */
export const badSubscriptionId = fc.oneof(
  fc.constantFrom('not-a-guid', '{00000000-0000-0000-0000-000000000000}', '00000000000000000000000000000000'),
  fc.uuid().map((u) => `${u}0`),
  fc.uuid().map((u) => u.replace(/-/g, '_')),
  anyText(40).filter((s) => s.length > 0 && !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(s)),
);

/** Text with lone surrogates replaced, so that it can be percent-encoded. */
export const wellFormed = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A path segment: never empty or a dot segment, which URL normalisation would remove. */
export const segment = (s: string): string =>
  s === '' || s === '.' || s === '..' ? `${s}x` : encodeURIComponent(wellFormed(s));

/** Path segments whose percent-encoding is broken (truncated, overlong, not hex, NUL): sent as they are. */
export const brokenEncoding = fc.constantFrom(
  '%ZZ',
  '%',
  'a%2',
  '%E0%A4%A',
  '%C0%AF',
  'a%00b',
  '%FF%FE',
  '%u0041',
);
