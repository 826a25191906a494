import type { PfxReader } from '../../scheduler/pfx';
import { invalid } from '../../scheduler/errors';
import { MAX_JOB_BYTES } from '../../scheduler/job-rules';
import type { JobDefinition } from '../../scheduler/model';
import { definitionOf } from './job-input';
import { JobWire } from './job-wire.schema';
import { zodMessage } from './wire-errors';

const MAX_DEPTH = 32;

function depth(v: unknown, d = 0): number {
  if (d > MAX_DEPTH || typeof v !== 'object' || v === null) return d;
  return Math.max(d, ...Object.values(v).map((x) => depth(x, d + 1)));
}

/** The body as a JSON object (docs/classic-scheduler.md#a2): anything else is 400 BadRequest. */
export function jsonObject(bytes: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('The request body must be a JSON object.');
  if (depth(value) > MAX_DEPTH) throw invalid('The request body is nested too deeply.');
  return value as Record<string, unknown>;
}

/** A wire job (a body, or a merged one) as a validated definition; 16 KB at most as compact JSON. */
export function definitionFromJson(value: Record<string, unknown>, readPfx: PfxReader): JobDefinition {
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_JOB_BYTES) throw invalid('A job is at most 16 KB.');
  const parsed = JobWire.safeParse(value);
  if (!parsed.success) throw invalid(zodMessage(parsed.error));
  return definitionOf(parsed.data, readPfx);
}

/** RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete base[k];
    else
      Object.defineProperty(base, k, {
        value: mergePatch(base[k], v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return base;
}
