import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { CodedError } from '../kernel/errors';
import { EdgeError } from './errors';
import { locateJsonError } from '../kernel/json-syntax';

/** docs/contract/import-export.md#a2: request bodies over 1 MiB are refused before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

const MIB = 1024 * 1024;
const sizeOf = (bytes: number) => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes / 1024} KiB`);
const tooLarge = (max: number) =>
  new EdgeError('RequestBodyTooLarge', `The request body is larger than ${sizeOf(max)}.`);

/** Reads the body, never buffering more than the limit (a surface may set its own). */
export async function readBody(request: HttpRequest, max = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) throw tooLarge(max);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge(max);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Far deeper than any body of the contract (a few levels): a deeper one is refused, not walked. */
export const MAX_BODY_DEPTH = 64;

const isAnnotation = (k: string) => k.startsWith('odata.') || k.includes('@odata.');

/**
 * OData annotations (`odata.type`, `Name@odata.type`...) are accepted anywhere and ignored (docs/contract/import-export.md#a5).
 * Members are defined with fromEntries, so that one named `__proto__` stays a member (which the
 * strict schemas refuse) instead of replacing the object's prototype. Bodies nested deeper than
 * MAX_BODY_DEPTH are 400 rather than a stack overflow (docs/contract/import-export.md#d5).
 */
function withoutAnnotations(value: unknown, depth = 0): unknown {
  if (depth > MAX_BODY_DEPTH) {
    throw new EdgeError(
      'InvalidRequestBody',
      `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
    );
  }
  if (Array.isArray(value)) return value.map((v) => withoutAnnotations(v, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !isAnnotation(k))
      .map(([k, v]) => [k, withoutAnnotations(v, depth + 1)]),
  );
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/** The first schema issue as a contract error: its own code if the schema gave one, else InvalidRequestBody. */
function issueError(error: z.ZodError): CodedError {
  const issue = error.issues[0];
  const params = issue && 'params' in issue ? (issue.params as { code?: string } | undefined) : undefined;
  const path = issue ? pathOf(issue.path) : '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `Unknown property ${issue.keys.join(', ')}.`
      : (issue?.message ?? 'Invalid body.');
  const where = issue?.code === 'unrecognized_keys' ? [path, issue.keys[0]].filter(Boolean).join('.') : path;
  // A schema's refinement may name its own contract code (a surface's wire schemas do).
  return new CodedError(
    params?.code ?? 'InvalidRequestBody',
    `The request body is invalid: ${message}`,
    where || undefined,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text; bytes that are not UTF-8 are refused, never stored as U+FFFD. */
function textOf(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new EdgeError('InvalidRequestBody', 'The request body is not valid UTF-8.');
  }
}

/** Parses a JSON body against its schema (docs/contract/import-export.md#a4: InvalidRequestBody names the JSON path). */
export function parseJsonBody<T>(bytes: Buffer, schema: z.ZodType<T>): T {
  if (bytes.length === 0) throw new EdgeError('InvalidRequestBody', 'The request has no body.');
  const text = textOf(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const at = locateJsonError(bytes.toString('utf8'));
    if (!at) throw new EdgeError('InvalidRequestBody', 'The request body is not valid JSON.');
    const where = `line ${at.line}, column ${at.column}`;
    throw new EdgeError(
      'InvalidRequestBody',
      `The request body is not valid JSON: expected ${at.expected} at ${where}.`,
      where,
    );
  }
  const parsed = schema.safeParse(withoutAnnotations(json));
  if (!parsed.success) throw issueError(parsed.error);
  return parsed.data;
}
