import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * National IDs at rest: AES-256-GCM for the value, and an HMAC (with a key
 * derived separately) to find a person by ID without decrypting every row.
 * Neither key nor value ever reaches a log.
 */
export class NationalIdVault {
  private readonly encKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    this.encKey = Buffer.from(
      hkdfSync('sha256', master, Buffer.alloc(0), 'toemsuk national-id encryption', 32),
    );
    this.hashKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'toemsuk national-id lookup', 32));
  }

  /** Random IVs drawn in batches (a bulk import seals 100,000 IDs); each 12 bytes are used once. */
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url: versioned so the scheme can change. */
  encrypt(id: string): string {
    if (this.ivAt + 12 > this.ivs.length) {
      this.ivs = randomBytes(12 * 256);
      this.ivAt = 0;
    }
    const iv = this.ivs.subarray(this.ivAt, this.ivAt + 12);
    this.ivAt += 12;
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const data = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((x) => (typeof x === 'string' ? x : x.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown national-id seal');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** The same ID and type always give the same digest; a passport and a Thai ID never collide. */
  lookupHash(idType: string, id: string): string {
    return createHmac('sha256', this.hashKey).update(`${idType}:${id.toUpperCase()}`).digest('hex');
  }
}
