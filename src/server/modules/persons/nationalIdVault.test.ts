import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NationalIdVault } from './nationalIdVault.ts';

const vault = new NationalIdVault(randomBytes(32).toString('hex'));

describe('NationalIdVault', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = vault.encrypt('1103700123458');
    const b = vault.encrypt('1103700123458');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1103700123458');
    expect(vault.decrypt(a)).toBe('1103700123458');
  });

  it('refuses a tampered value', () => {
    const sealed = vault.encrypt('1103700123458');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
  });

  it('hashes deterministically per type, and differently under another key', () => {
    expect(vault.lookupHash('thai_id', '1103700123458')).toBe(vault.lookupHash('thai_id', '1103700123458'));
    expect(vault.lookupHash('passport', '1103700123458')).not.toBe(
      vault.lookupHash('thai_id', '1103700123458'),
    );
    const other = new NationalIdVault(randomBytes(32).toString('hex'));
    expect(other.lookupHash('thai_id', '1103700123458')).not.toBe(
      vault.lookupHash('thai_id', '1103700123458'),
    );
  });
});
