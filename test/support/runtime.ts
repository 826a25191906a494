import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../shared/app/config';
import type { Runtime } from '../../shared/app/runtime';
import { createRuntime, setRuntime } from '../../shared/app/runtime';

export const TEST_OPERATOR_KEY = 'test-operator-key-0123456789';
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

/** A mutable clock for tests that move time. */
export class TestClock {
  constructor(private current = new Date()) {}
  now = (): Date => new Date(this.current);
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A runtime on the run's Azurite (see global-setup.ts) with tables of its own: every call gets a
 * fresh STORAGE_PREFIX, so test files and tests never see each other's data. It becomes the
 * process's runtime, the one the handlers use.
 */
export function testRuntime(env: Record<string, string> = {}, now?: () => Date): Runtime {
  const config = parseConfig({
    ...process.env,
    STORAGE_PREFIX: `t${randomBytes(6).toString('hex')}`,
    SECRETS_KEY: TEST_SECRETS_KEY,
    OPERATOR_KEYS: TEST_OPERATOR_KEY,
    TRUST_FORWARDED_CLIENT_CERT: 'true',
    ...env,
  });
  const rt = createRuntime(config, now);
  setRuntime(rt);
  return rt;
}

export const newSubscription = (): string => {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
