import type { z } from 'zod';

/** A bad app setting: the app stops at start with this message, which names the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Settings parsed by their schema; a bad one is a ConfigError that names it (or says it is missing). */
export function parseSettings<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const setting = String(issue?.path[0] ?? 'configuration');
  if (env[setting] === undefined) throw new ConfigError(`App setting ${setting} is required.`);
  throw new ConfigError(`App setting ${setting} is invalid: ${issue?.message ?? 'unknown problem'}`);
}
