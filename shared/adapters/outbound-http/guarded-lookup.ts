import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { OutboundPolicy } from '../../scheduler/outbound-policy';

/** The guard's refusal: its message is the history's reason (docs/classic-scheduler.md#e4). */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  constructor(readonly address: string) {
    super(`address ${address} is not allowed by the outbound policy`);
  }
}

type Resolve = (
  hostname: string,
  options: LookupAllOptions,
  cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for the connection itself: the name is resolved once, here, and every address it
 * resolves to is judged before the socket dials any of them, so no second resolution can swap in
 * a blocked address (no DNS-rebinding window). Any refused address fails the attempt.
 */
export function guardedLookup(policy: OutboundPolicy, resolve: Resolve = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    resolve(
      hostname,
      { family, all: true, ...(options.hints !== undefined && { hints: options.hints }) },
      (err, addresses) => {
        if (err) return callback(err, '', 0);
        const refused = addresses.find((a) => policy.refusal(a.address));
        if (refused) return callback(new RefusedAddressError(refused.address), '', 0);
        if (options.all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0];
        if (!first)
          return callback(
            Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        callback(null, first.address, first.family);
      },
    );
  };
}
