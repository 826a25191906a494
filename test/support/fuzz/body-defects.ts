import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../../shared/edge/body';
import { anyText, charCount, kindOf, otherKindThan, tooLong, unknownKey } from './values';

type Path = readonly (string | number)[];

/** What the fuzzer knows of one operation's JSON body: enough to break it for certain. */
export interface BodySpec {
  /** Valid bodies of the operation. */
  valid: fc.Arbitrary<Record<string, unknown>>;
  /** Paths that must be present (optional bodies: none). */
  required: readonly Path[];
  /** String fields and their maximum length in UTF-16 code units. */
  limits: readonly (readonly [Path, number])[];
  /** Values the rules refuse at a path: a bad format, a cross-field conflict... */
  bad: readonly (readonly [Path, fc.Arbitrary<unknown>])[];
}

export interface BadBody {
  defect: string;
  body: string | Buffer;
}

const isAnnotation = (k: string) => k.startsWith('odata.') || k.includes('@odata.');
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path to a value in a body, annotations left out (they are ignored, docs/contract/import-export.md#a5). */
function pathsOf(v: unknown, at: Path = []): Path[] {
  const children = Array.isArray(v)
    ? v.flatMap((x, i) => pathsOf(x, [...at, i]))
    : isPlainObject(v)
      ? Object.entries(v)
          .filter(([k]) => !isAnnotation(k))
          .flatMap(([k, x]) => pathsOf(x, [...at, k]))
      : [];
  return [at, ...children];
}

const getAt = (v: unknown, path: Path): unknown =>
  path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], v);

/** A copy of `body` with the value at `path` replaced (or removed, for `undefined`). */
export function setAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  // A missing parent is made an object: then still a broken body (an object where an array or a
  // complete record is due), as a defect must be.
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof parent[k] !== 'object' || parent[k] === null) parent[k] = {};
    parent = parent[k] as Record<string | number, unknown>;
  }
  const key = path[path.length - 1]!;
  if (value === undefined) delete parent[key];
  // defineProperty, so that a key such as __proto__ becomes a real member of the JSON object.
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const json = (v: unknown) => JSON.stringify(v);
const show = (path: Path) => path.join('.') || '(root)';

const notJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"Properties":',
    "{'Properties':{}}",
    '{Properties:{}}',
    '{"a":1,}',
    'undefined',
    'NaN',
  ),
  anyText(40).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return s.length > 0;
    }
  }),
);

const deeplyNested = fc
  .tuple(fc.constantFrom(1_000, 20_000, 200_000), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, wrapped]): BadBody => {
    const close = open === '[' ? ']' : '}';
    const core = `${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}`;
    return { defect: `JSON nested ${depth} deep`, body: wrapped ? `{"Properties":${core}}` : core };
  });

/** Malformed bodies of any operation: not JSON, not an object, too deep, too large, not UTF-8. */
const malformedBody = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BadBody> =>
  fc.oneof(
    { weight: 3, arbitrary: notJson.map((body) => ({ defect: 'not JSON', body })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([v, at]) => json(v).slice(0, 1 + Math.floor(at * (json(v).length - 2))))
        .map((body) => ({ defect: 'truncated JSON', body })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.integer(), anyText(10), fc.array(fc.integer()), fc.constantFrom(null, true, false))
        .map((v) => ({ defect: 'JSON that is not an object', body: json(v) })),
    },
    { weight: 2, arbitrary: deeplyNested },
    {
      weight: 1,
      arbitrary: valid.map((v) => ({
        defect: 'bytes that are not UTF-8',
        body: Buffer.concat([Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(json(v))]),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 4096 }).map((extra) => ({
        defect: 'a body over 1 MiB',
        body: `{"Padding":"${'x'.repeat(MAX_BODY_BYTES + extra)}"}`,
      })),
    },
  );

/** A body that breaks the operation's schema or rules in one place, and is otherwise valid. */
export function badBody(spec: BodySpec): fc.Arbitrary<BadBody> {
  const withPaths = spec.valid.chain((v) => fc.constant({ v, paths: pathsOf(v) }));
  const options: fc.WeightedArbitrary<BadBody>[] = [
    { weight: 2, arbitrary: malformedBody(spec.valid) },
    {
      weight: 3,
      arbitrary: withPaths.chain(({ v, paths }) =>
        fc.constantFrom(...paths).chain((p) =>
          otherKindThan(getAt(v, p)).map((x) => ({
            defect: `${kindOf(x)} instead of ${kindOf(getAt(v, p))} at ${show(p)}`,
            body: json(setAt(v, p, x)),
          })),
        ),
      ),
    },
    {
      weight: 3,
      arbitrary: withPaths.chain(({ v, paths }) => {
        const objects = paths.filter((p) => isPlainObject(getAt(v, p)));
        return fc
          .tuple(fc.constantFrom(...objects), unknownKey, fc.oneof(anyText(8), fc.integer()))
          .map(([p, key, x]) => ({
            defect: `unknown property "${key}" at ${show(p)}`,
            body: json(setAt(v, [...p, key], x)),
          }));
      }),
    },
  ];
  if (spec.required.length > 0)
    options.push({
      weight: 2,
      arbitrary: fc
        .tuple(spec.valid, fc.constantFrom(...spec.required))
        .map(([v, p]) => ({ defect: `missing ${show(p)}`, body: json(setAt(v, p, undefined)) })),
    });
  if (spec.limits.length > 0)
    options.push({
      weight: 2,
      arbitrary: fc.tuple(spec.valid, fc.constantFrom(...spec.limits)).chain(([v, [p, max]]) =>
        tooLong(max).map((s) => ({
          defect: `${charCount(s)} characters at ${show(p)}`,
          body: json(setAt(v, p, s)),
        })),
      ),
    });
  if (spec.bad.length > 0)
    options.push({
      weight: 3,
      arbitrary: fc.tuple(spec.valid, fc.constantFrom(...spec.bad)).chain(([v, [p, value]]) =>
        value.map((x) => ({
          defect: `bad ${show(p)}: ${json(x)?.slice(0, 60)}`,
          body: json(setAt(v, p, x)),
        })),
      ),
    });
  return fc.oneof(...options);
}
