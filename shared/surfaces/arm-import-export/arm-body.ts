import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { readBody } from '../../edge/body';
import { ArmError } from './arm-errors';

const isJsonType = (t: string | null) =>
  t === null || t.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** docs/arm-import-export.md#b2: a JSON object up to 1 MiB, of `application/json`, against its schema. */
export async function armBody<B>(request: HttpRequest, schema: z.ZodType<B>): Promise<B> {
  if (!isJsonType(request.headers.get('content-type'))) {
    throw new ArmError('UnsupportedMediaType', 'The request body must be application/json.');
  }
  const bytes = await readBody(request);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArmError('InvalidRequestContent', 'The request content is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ArmError('InvalidRequestContent', 'The request content must be a JSON object.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const target = (issue?.path ?? [])
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    throw new ArmError(
      'InvalidRequestContent',
      `The request content is invalid: ${issue?.message ?? 'schema'}.`,
      target || undefined,
    );
  }
  return parsed.data;
}
