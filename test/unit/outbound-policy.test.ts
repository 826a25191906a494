import { OutboundPolicy } from '../../shared/scheduler/outbound-policy';

const deployed = new OutboundPolicy({ mode: 'deployed', allow: [] });
const local = new OutboundPolicy({ mode: 'local', allow: [] });

describe('outbound policy (SSRF guard rules)', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['250.1.2.3', 'reserved'],
    ['::ffff:169.254.169.254', 'metadata'],
  ])('always refuses %s (%s), locally too', (address, rule) => {
    expect(deployed.refusal(address)).toBe(rule);
    expect(local.refusal(address)).toBe(rule);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12::1', 'private'],
  ])('refuses %s (%s) when deployed, allows it locally', (address, rule) => {
    expect(deployed.refusal(address)).toBe(rule);
    expect(local.refusal(address)).toBeUndefined();
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860::8888'])(
    'allows the public address %s',
    (a) => {
      expect(deployed.refusal(a)).toBeUndefined();
    },
  );

  it('lets CIDR and IP entries of SCHEDULER_OUTBOUND_ALLOW past the private and loopback rules only', () => {
    const p = new OutboundPolicy({ mode: 'deployed', allow: ['10.0.0.0/8', ' ::1', '169.254.169.254'] });
    expect(p.refusal('10.9.9.9')).toBeUndefined();
    expect(p.refusal('::1')).toBeUndefined();
    expect(p.refusal('127.0.0.1')).toBe('loopback');
    expect(p.refusal('169.254.169.254')).toBe('metadata');
  });

  it('judges a configured identity endpoint host as metadata', () => {
    const p = new OutboundPolicy({ mode: 'local', allow: [], metadataHosts: ['127.0.0.1', 'msi.internal'] });
    expect(p.refusal('127.0.0.1')).toBe('metadata');
    expect(p.literalRefusal('http://msi.internal/token')).toEqual({
      address: 'msi.internal',
      rule: 'metadata',
    });
  });

  it('rejects an allow entry that is no CIDR, IP or host name', () => {
    expect(() => new OutboundPolicy({ mode: 'deployed', allow: ['10.0.0.0/x'] })).toThrow(/neither/);
  });

  it.each([
    ['http://2130706433/', '127.0.0.1', 'loopback'],
    ['http://0x7f.1/', '127.0.0.1', 'loopback'],
    ['http://[::ffff:7f00:1]/', '127.0.0.1', 'loopback'],
    ['https://[0:0::1]:8443/x', '::1', 'loopback'],
    ['http://169.254.169.254/latest', '169.254.169.254', 'metadata'],
  ])('finds the literal refused IP in %s after WHATWG normalisation', (uri, address, rule) => {
    expect(deployed.literalRefusal(uri)).toEqual({ address, rule });
  });

  it('does not resolve names at create, and passes public literals', () => {
    expect(deployed.literalRefusal('http://localhost/')).toBeUndefined();
    expect(deployed.literalRefusal('http://8.8.8.8/')).toBeUndefined();
    expect(local.literalRefusal('http://127.0.0.1/')).toBeUndefined();
  });
});
