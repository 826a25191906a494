import { createHash } from 'node:crypto';
import { LruCache } from '../../kernel/lru-cache';
import type { OutboundAuth } from '../../scheduler/execution/action-ports';
import { rawRequest } from './raw-request';

type AadAuth = Extract<OutboundAuth, { type: 'ActiveDirectoryOAuth' }>;

/** A token is reused until this long before it expires (docs/classic-scheduler.md#d4). */
const EARLY_MS = 5 * 60_000;
const MAX_TOKEN_RESPONSE = 64 * 1024;
/** Distinct credentials remembered: jobs' creators choose them, so the cache must not grow with them. */
const CACHED_TOKENS = 10_000;

export class TokenError extends Error {
  override name = 'TokenError';
}

interface Cached {
  token: string;
  until: number;
}

/**
 * Client-credentials tokens from `{authority}/{tenant}/oauth2/token`, kept in memory only (#e5).
 * The authority is operator configuration, so the SSRF guard does not apply to it (#e4).
 */
export class AadTokens {
  private readonly cache = new LruCache<string, Cached>(CACHED_TOKENS);

  constructor(
    private readonly authority: string,
    private readonly now: () => number = Date.now,
  ) {}

  async token(auth: AadAuth, signal: AbortSignal): Promise<string> {
    // The secret is part of the key (hashed) so a job whose secret changed never gets the old token.
    const key = createHash('sha256')
      .update([auth.tenant, auth.clientId, auth.audience, auth.secret].join('\n'))
      .digest('hex');
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.token;
    const fetched = await this.fetch(auth, signal);
    this.cache.set(key, { token: fetched.token, until: this.now() + fetched.lifetimeMs - EARLY_MS });
    return fetched.token;
  }

  private async fetch(auth: AadAuth, signal: AbortSignal): Promise<{ token: string; lifetimeMs: number }> {
    const url = new URL(
      `${this.authority.replace(/\/+$/, '')}/${encodeURIComponent(auth.tenant)}/oauth2/token`,
    );
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: auth.secret,
      resource: auth.audience,
    }).toString();
    let res;
    try {
      res = await rawRequest({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        signal,
        maxBody: MAX_TOKEN_RESPONSE,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new TokenError(`the token request to '${url.host}' failed: ${(err as Error).message}`);
    }
    if (res.status < 200 || res.status > 299) {
      throw new TokenError(`the token request to '${url.host}' was answered ${res.status}`);
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(res.body) as typeof parsed;
    } catch {
      parsed = {};
    }
    const lifetime = Number(parsed.expires_in);
    if (typeof parsed.access_token !== 'string' || !Number.isFinite(lifetime)) {
      throw new TokenError(`the token response from '${url.host}' holds no access_token and expires_in`);
    }
    return { token: parsed.access_token, lifetimeMs: lifetime * 1000 };
  }
}
