import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

/**
 * A small secret at rest (a TOTP secret), encrypted as the identity cipher encrypts client identities:
 * AES-256-GCM under a key derived from CASUSTAFEL_DATA_KEY with HKDF for this purpose alone, with the
 * owner's id as additional authenticated data (a ciphertext cannot be moved to another row). `mac`
 * is a keyed hash under a second derived key, for values that are only ever compared (recovery codes).
 */
export class SecretBox {
  private readonly encryptionKey: Buffer;
  private readonly macKey: Buffer;

  constructor(dataKey: Buffer, purpose: string) {
    const salt = Buffer.from('casustafel');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', dataKey, salt, `${purpose} encryption v1`, 32));
    this.macKey = Buffer.from(hkdfSync('sha256', dataKey, salt, `${purpose} mac v1`, 32));
  }

  seal(plain: string, ownerId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(ownerId));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  open(sealed: string, ownerId: string): string {
    const [format, iv, tag, body] = sealed.split('.');
    if (format !== FORMAT || !iv || !tag || !body) throw new Error('Unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(ownerId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  mac(value: string, ownerId: string): string {
    return createHmac('sha256', this.macKey).update(`${ownerId}\u0000${value}`).digest('hex');
  }
}
