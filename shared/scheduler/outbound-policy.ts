import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard's rules (docs/classic-scheduler.md#e4): which addresses a job's outbound call may
 * reach. Pure: the HTTP adapter asks it about every address it resolves, at connect time, and job
 * validation asks it about literal IPs at create.
 */
export type OutboundRule =
  'link-local' | 'metadata' | 'unspecified' | 'multicast' | 'reserved' | 'loopback' | 'private';

/** `local` is the `npm start` development host, which marks itself; every other runtime is `deployed`. */
export type OutboundMode = 'local' | 'deployed';

export interface OutboundPolicySettings {
  mode: OutboundMode;
  /** `SCHEDULER_OUTBOUND_ALLOW`, split: CIDRs, IPs and host names. */
  allow: readonly string[];
  /** Extra metadata hosts (the `IDENTITY_ENDPOINT`/`MSI_ENDPOINT` host), refused like the fixed ones. */
  metadataHosts?: readonly string[];
}

type Family = 'ipv4' | 'ipv6';

const ranges = (entries: readonly [string, number, Family][]): BlockList => {
  const list = new BlockList();
  for (const [net, prefix, family] of entries) list.addSubnet(net, prefix, family);
  return list;
};

/** Always refused, whatever the allow list says, in the order they are reported. */
const ALWAYS: readonly [OutboundRule, BlockList][] = [
  [
    'metadata',
    ranges([
      ['169.254.169.254', 32, 'ipv4'],
      ['168.63.129.16', 32, 'ipv4'],
      ['fd00:ec2::254', 128, 'ipv6'],
    ]),
  ],
  [
    'link-local',
    ranges([
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ]),
  ],
  [
    'unspecified',
    ranges([
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ]),
  ],
  [
    'multicast',
    ranges([
      ['224.0.0.0', 4, 'ipv4'],
      ['ff00::', 8, 'ipv6'],
    ]),
  ],
  ['reserved', ranges([['240.0.0.0', 4, 'ipv4']])],
];

/** Refused when deployed unless allowed; allowed on the local host. */
const INTERNAL: readonly [OutboundRule, BlockList][] = [
  [
    'loopback',
    ranges([
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ]),
  ],
  [
    'private',
    ranges([
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['100.64.0.0', 10, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
    ]),
  ],
];

/** An IP literal as one family and canonical text; an IPv4-mapped IPv6 address is its IPv4. */
export function canonicalAddress(address: string): { address: string; family: Family } | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const kind = isIP(bare);
  if (kind === 4) return { address: bare, family: 'ipv4' };
  if (kind !== 6) return undefined;
  const text = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(text);
  if (mapped?.[1] && mapped[2]) {
    const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return { address: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), family: 'ipv4' };
  }
  return { address: text, family: 'ipv6' };
}

export class OutboundPolicy {
  private readonly allowedAddresses = new BlockList();
  private readonly allowedHosts = new Set<string>();
  private readonly metadataHosts: Set<string>;
  private readonly metadataAddresses = new BlockList();

  constructor(private readonly settings: OutboundPolicySettings) {
    for (const raw of settings.allow) {
      const entry = raw.trim();
      if (!entry) continue;
      const [net, prefix] = entry.split('/');
      const ip = net === undefined ? undefined : canonicalAddress(net);
      if (ip && prefix === undefined) this.allowedAddresses.addAddress(ip.address, ip.family);
      else if (ip && /^\d{1,3}$/.test(prefix ?? ''))
        this.allowedAddresses.addSubnet(ip.address, Number(prefix), ip.family);
      else if (/^[a-z0-9.-]+$/i.test(entry)) this.allowedHosts.add(entry.toLowerCase());
      else throw new Error(`'${entry}' is neither a CIDR, an IP address nor a host name`);
    }
    this.metadataHosts = new Set((settings.metadataHosts ?? []).map((h) => h.toLowerCase()));
    for (const host of this.metadataHosts) {
      const ip = canonicalAddress(host);
      if (ip) this.metadataAddresses.addAddress(ip.address, ip.family);
    }
  }

  /** A host-name entry of the allow list admits that host without an address check. */
  admitsHost(hostname: string): boolean {
    return this.allowedHosts.has(hostname.toLowerCase());
  }

  /** The rule refusing a host name before any lookup (a configured metadata host), if one does. */
  refusedHost(hostname: string): OutboundRule | undefined {
    return this.metadataHosts.has(hostname.toLowerCase()) ? 'metadata' : undefined;
  }

  /** The rule refusing `address`, or undefined when the call may go there. */
  refusal(address: string): OutboundRule | undefined {
    const ip = canonicalAddress(address);
    if (!ip) return 'unspecified';
    if (this.metadataAddresses.check(ip.address, ip.family)) return 'metadata';
    for (const [rule, list] of ALWAYS) if (list.check(ip.address, ip.family)) return rule;
    if (this.settings.mode === 'local') return undefined;
    if (this.allowedAddresses.check(ip.address, ip.family)) return undefined;
    for (const [rule, list] of INTERNAL) if (list.check(ip.address, ip.family)) return rule;
    return undefined;
  }

  /**
   * At create and update: a uri whose host is a refused literal IP (after WHATWG normalisation,
   * so `http://2130706433/` is 127.0.0.1), with the rule; names are not resolved here.
   */
  literalRefusal(uri: string): { address: string; rule: OutboundRule } | undefined {
    let hostname: string;
    try {
      hostname = new URL(uri).hostname;
    } catch {
      return undefined;
    }
    if (this.admitsHost(hostname)) return undefined;
    const hostRule = this.refusedHost(hostname);
    if (hostRule) return { address: hostname, rule: hostRule };
    const ip = canonicalAddress(hostname);
    const rule = ip && this.refusal(ip.address);
    return ip && rule ? { address: ip.address, rule } : undefined;
  }
}
