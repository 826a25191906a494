import type { HttpRoute } from '../shared/edge/routes';

type Segment =
  { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'catchAll'; name: string };

interface Compiled {
  route: HttpRoute;
  segments: Segment[];
}

const RANK = { literal: 0, param: 1, catchAll: 2 } as const;

function compile(route: HttpRoute): Compiled {
  const segments = route.route
    .split('/')
    .filter(Boolean)
    .map((s): Segment => {
      const m = /^\{(\*?)([A-Za-z0-9_]+)\}$/.exec(s);
      if (!m) return { kind: 'literal', text: s.toLowerCase() };
      return m[1] ? { kind: 'catchAll', name: m[2] ?? '' } : { kind: 'param', name: m[2] ?? '' };
    });
  return { route, segments };
}

/**
 * Literal segments outrank parameters, which outrank catch-alls, segment by segment (as ASP.NET
 * routing); a template that has ended outranks a catch-all, which may match nothing there
 * (`subscriptions` before `subscriptions/{*rest}` for `/subscriptions`).
 */
const ENDED = 1.5;

function compare(a: Compiled, b: Compiled): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const ra = a.segments[i] ? RANK[a.segments[i]!.kind] : ENDED;
    const rb = b.segments[i] ? RANK[b.segments[i]!.kind] : ENDED;
    if (ra !== rb) return ra - rb;
  }
  return 0;
}

/**
 * Matches request paths against the Functions route templates the way the Functions host does:
 * literal segments case-insensitively, `{name}` one segment, `{*name}` the rest.
 */
export class RouteMatcher {
  private readonly compiled: Compiled[];

  constructor(routes: readonly HttpRoute[]) {
    this.compiled = routes.map(compile).sort(compare);
  }

  match(pathname: string, method: string): { route: HttpRoute; params: Record<string, string> } | undefined {
    // Decoded once per request, not once per candidate route.
    const decoded = pathname.split('/').filter(Boolean).map(decode);
    const parts = { decoded, lower: decoded.map((p) => p.toLowerCase()) };
    for (const c of this.compiled) {
      if (!c.route.methods.includes(method as HttpRoute['methods'][number])) continue;
      const params = matchSegments(c.segments, parts);
      if (params) return { route: c.route, params };
    }
    return undefined;
  }
}

/** A request path's segments, decoded, and lower-cased for the literal segments. */
interface PathParts {
  decoded: string[];
  lower: string[];
}

function matchSegments(segments: Segment[], parts: PathParts): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.kind === 'catchAll') {
      params[s.name] = parts.decoded.slice(i).join('/');
      return params;
    }
    const part = parts.decoded[i];
    if (part === undefined) return undefined;
    if (s.kind === 'literal' && parts.lower[i] !== s.text) return undefined;
    if (s.kind === 'param') params[s.name] = part;
  }
  return parts.decoded.length === segments.length ? params : undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
