import { describe, expect, it } from 'vitest';
import { isPrivateAddress, privateAddressesOf } from './network-guard.ts';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.5', true],
    ['192.168.178.1', true],
    ['169.254.169.254', true], // cloud metadata service
    ['100.64.0.1', true],
    ['::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:192.168.0.10', true],
    ['0.0.0.0', true],
    ['93.184.215.14', false],
    ['2a00:1450:4001::200e', false],
    ['::ffff:93.184.215.14', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('resolves names before judging them', async () => {
    expect(await privateAddressesOf('http://localhost:2583')).not.toEqual([]);
    expect(await privateAddressesOf('http://[::1]:80/')).toEqual(['::1']);
    expect(await privateAddressesOf('https://93.184.215.14/')).toEqual([]);
  });
});
