import { execFileSync } from 'node:child_process';
import { z } from 'zod';

/**
 * Checks real responses against an OpenAPI document's own JSON Schemas (converted by zod's
 * `fromJSONSchema`, refs and all), so that the document cannot drift from the service.
 */
type Json = Record<string, any>;

const COMPONENTS = '#/components/schemas/';

/** `{sub}` one segment; literal segments case-insensitively (docs/contract/import-export.md#a1); `$` as itself; a trailing `/` as the host ignores it. */
const templateRegex = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split('/')
      .map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[$.]/g, '\\$&')))
      .join('/')}/?$`,
    'i',
  );

export class OpenApiContract {
  private readonly defs: Json;
  private readonly cache = new Map<string, z.ZodType>();

  constructor(readonly doc: Json) {
    this.defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll(COMPONENTS, '#/$defs/'));
  }

  /** A JSON Schema of the document as zod, its `$ref`s resolved against the components. */
  schema(jsonSchema: Json): z.ZodType {
    const key = JSON.stringify(jsonSchema);
    let schema = this.cache.get(key);
    if (!schema) {
      const local = JSON.parse(key.replaceAll(COMPONENTS, '#/$defs/'));
      schema = z.fromJSONSchema({ ...local, $defs: this.defs });
      this.cache.set(key, schema);
    }
    return schema;
  }

  /** The path template of a URL: literal matches before parameters, as the route matcher does. */
  pathOf(url: string): string {
    const pathname = new URL(url).pathname;
    const candidates = Object.keys(this.doc.paths)
      .filter((p) => templateRegex(p).test(pathname))
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    if (!candidates[0]) throw new Error(`no documented path matches ${pathname}`);
    return candidates[0];
  }

  private resolve(node: Json): Json {
    if (typeof node.$ref !== 'string') return node;
    const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(node.$ref) ?? [];
    return this.resolve(this.doc.components[kind!][name!]);
  }

  /**
   * The problems of a response against its operation's documented response: its status documented,
   * its required headers present, every documented header and the body valid. Empty when it conforms.
   */
  async problems(res: Response, method: string): Promise<string[]> {
    const path = this.pathOf(res.url);
    const operation = this.doc.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not documented`];
    const documented = operation.responses[String(res.status)];
    if (!documented) return [`${method} ${path} does not document status ${res.status}`];
    const response = this.resolve(documented);
    const problems: string[] = [];
    for (const [name, ref] of Object.entries<Json>(response.headers ?? {})) {
      const header = this.resolve(ref);
      const value = res.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`header ${name} is missing`);
      } else if (!this.schema(header.schema).safeParse(value).success) {
        problems.push(`header ${name}: ${value} does not match its schema`);
      }
    }
    const text = await res.text();
    const content = response.content as Json | undefined;
    if (!content) {
      if (text !== '') problems.push('a body where none is documented');
      return problems;
    }
    const [type, media] = Object.entries<Json>(content)[0]!;
    if (!res.headers.get('content-type')?.startsWith(type)) problems.push(`content type is not ${type}`);
    const body = type === 'application/json' ? JSON.parse(text) : text;
    const parsed = this.schema(media.schema).safeParse(body);
    if (!parsed.success)
      problems.push(...parsed.error.issues.map((i) => `body ${i.path.join('.')}: ${i.message}`));
    return problems;
  }
}

/** Validates an OpenAPI document with @seriousme/openapi-schema-validator (ESM only, so in its own node). */
export function validateOpenApi(doc: unknown): { valid: boolean; errors?: unknown; version?: string } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(text));
    process.stdout.write(JSON.stringify({ ...result, version: validator.version }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(doc),
    encoding: 'utf8',
    cwd: `${__dirname}/../..`,
  });
  return JSON.parse(out) as { valid: boolean; errors?: unknown; version?: string };
}
