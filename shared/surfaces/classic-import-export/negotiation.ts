import { EdgeError } from '../../edge/errors';
import { ClassicError } from './errors';

export type MetadataLevel = 'minimalmetadata' | 'nometadata' | 'fullmetadata';
export type Representation = 'json' | 'xml';

const LEVELS: Record<string, MetadataLevel> = {
  minimalmetadata: 'minimalmetadata',
  nometadata: 'nometadata',
  nometatadata: 'nometadata', // the classic documents' own misspelling (docs/contract/import-export.md#a2)
  fullmetadata: 'fullmetadata',
};

const TYPES: Record<Representation, readonly string[]> = {
  json: ['application/json', 'application/*', '*/*'],
  xml: ['application/xml', 'text/xml', 'application/*', '*/*'],
};

interface MediaRange {
  type: string;
  params: Map<string, string>;
  q: number;
}

function parseRange(range: string): MediaRange {
  const [type = '', ...rest] = range.split(';').map((p) => p.trim());
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, '')
          .toLowerCase(),
      );
  }
  const q = params.has('q') ? Number(params.get('q')) : 1;
  return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
}

/** The metadata level a media range asks for, or undefined when the range is not one we serve. */
function levelOf(range: MediaRange, want: Representation): MetadataLevel | undefined {
  if (!TYPES[want].includes(range.type) || range.q <= 0) return undefined;
  const odata = range.params.get('odata');
  if (odata === undefined) return 'minimalmetadata';
  return want === 'json' ? LEVELS[odata] : undefined;
}

/**
 * Content negotiation (docs/contract/import-export.md#a2): `$format` overrides `Accept`. A bad `$format` is a bad query
 * parameter (400); an Accept header we cannot satisfy is 406. JSON defaults to minimal metadata.
 */
export function negotiate(want: Representation, accept: string | null, format: string | null): MetadataLevel {
  if (format !== null) {
    const shorthand = format.trim().toLowerCase() === want;
    const level = shorthand ? 'minimalmetadata' : levelOf(parseRange(format), want);
    if (!level || (!shorthand && parseRange(format).type.includes('*'))) {
      throw new EdgeError(
        'InvalidQueryParameterValue',
        `$format must be ${want === 'json' ? 'json or application/json, optionally with odata=minimalmetadata, nometadata or fullmetadata' : 'xml or application/xml'}.`,
        `$format=${format}`,
      );
    }
    return level;
  }
  if (accept === null || accept.trim() === '') return 'minimalmetadata';
  const ranges = accept
    .split(',')
    .filter((r) => r.trim() !== '')
    .map(parseRange)
    .sort((a, b) => b.q - a.q);
  for (const range of ranges) {
    const level = levelOf(range, want);
    if (level) return level;
  }
  throw new ClassicError(
    'NotAcceptable',
    `The service answers with ${want === 'json' ? 'application/json' : 'application/xml'} only.`,
    `Accept: ${accept}`,
  );
}
