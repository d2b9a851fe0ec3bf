import { isBlockedAddress, parseCidr, parseIp, type AddressPolicy } from './address-policy.js';

describe('addresses the collector may connect to', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2002:c0a8:0101::1',
    'not an address',
  ])('blocks %s by default', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['1.1.1.1', '58.215.9.1', '172.32.0.1', '192.169.0.1', '2400:3200::1', '::ffff:58.215.9.1', '2002:3ad7:0901::1'])(
    'allows the public address %s',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );

  it('allows everything when private networks are allowed (tests, closed networks)', () => {
    const open: AddressPolicy = { allowPrivateNetworks: true, allowedNetworks: [] };
    expect(isBlockedAddress('127.0.0.1', open)).toBe(false);
    expect(isBlockedAddress('::1', open)).toBe(false);
  });

  it('allows only the named networks when some are listed, including as IPv4-mapped IPv6', () => {
    const intranet: AddressPolicy = { allowPrivateNetworks: false, allowedNetworks: [parseCidr('10.20.0.0/16')!] };
    expect(isBlockedAddress('10.20.3.4', intranet)).toBe(false);
    expect(isBlockedAddress('::ffff:10.20.3.4', intranet)).toBe(false);
    expect(isBlockedAddress('10.21.0.1', intranet)).toBe(true);
    expect(isBlockedAddress('127.0.0.1', intranet)).toBe(true);
    expect(isBlockedAddress('169.254.169.254', intranet)).toBe(true);
  });
});

describe('parsing addresses and networks', () => {
  it('reads IPv4, IPv6 (with ::, zones and dotted tails) and CIDR prefixes', () => {
    expect(parseIp('1.2.3.4')).toEqual({ family: 4, bits: 0x01020304n });
    expect(parseIp('::ffff:1.2.3.4')).toEqual(parseIp('::ffff:102:304'));
    expect(parseIp('2001:db8::1')?.bits).toBe(0x20010db8000000000000000000000001n);
    expect(parseCidr('10.20.30.40/16')).toEqual({ family: 4, bits: 0x0a140000n, prefix: 16 });
    expect(parseCidr('192.168.1.1')).toEqual({ family: 4, bits: 0xc0a80101n, prefix: 32 });
  });

  it('refuses malformed networks', () => {
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/x')).toBeNull();
    expect(parseCidr('intranet')).toBeNull();
    expect(parseCidr('::/129')).toBeNull();
  });
});
