import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ClientIdentityDto } from '@casustafel/contract/cases';
import { AppConfig } from '../config/app-config';
import { matchKeyValue } from './client-identifiers';

export type ClientIdentity = Required<Omit<ClientIdentityDto, 'phone'>> & { phone: string | null };

const FORMAT = 'v1';

/**
 * An identity that does not decrypt: the data key is not the one it was encrypted with (a database
 * restored under another CASUSTAFEL_DATA_KEY), or the ciphertext was changed. A 500 with a message
 * that says so, instead of an anonymous failure; no data in it.
 */
export class IdentityKeyError extends InternalServerErrorException {
  constructor() {
    super(
      'Cliëntgegevens zijn niet te ontsleutelen: de sleutel van deze installatie past niet bij de database. Meld dit bij de beheerder.',
    );
    this.name = 'IdentityKeyError';
  }
}

/**
 * Encrypts client identities at rest (AES-256-GCM) and makes the blind index for exact surname
 * search. Both keys are derived from CASUSTAFEL_DATA_KEY with HKDF, one per purpose. The case id is
 * the additional authenticated data, so a ciphertext cannot be moved to another case.
 */
@Injectable()
export class IdentityCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly identifierKey: Buffer;
  private readonly matchKeyKey: Buffer;

  constructor(config: AppConfig) {
    const salt = Buffer.from('casustafel');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', config.dataKey, salt, 'client identity encryption v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', config.dataKey, salt, 'surname blind index v1', 32));
    this.identifierKey = Buffer.from(hkdfSync('sha256', config.dataKey, salt, 'client identifier blind index v1', 32));
    this.matchKeyKey = Buffer.from(hkdfSync('sha256', config.dataKey, salt, 'installation-wide match key v1', 32));
  }

  encrypt(identity: ClientIdentity, caseId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(caseId));
    const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  decrypt(ciphertext: string, caseId: string): ClientIdentity {
    const [format, iv, tag, body] = ciphertext.split('.');
    if (format !== FORMAT || !iv || !tag || !body) throw new Error('Unknown identity ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(caseId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
    } catch {
      throw new IdentityKeyError();
    }
    return JSON.parse(plain.toString('utf8')) as ClientIdentity;
  }

  /** Keyed hash of the normalised surname: equal surnames match, the hash reveals nothing without the key. */
  surnameIndex(surname: string): string {
    const normalised = surname.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
    return createHmac('sha256', this.indexKey).update(normalised).digest('hex');
  }

  /**
   * Keyed hash of one identifying value of a client (a folded surname, street, postcode, phone or
   * date of birth), bound to its kind and network: the identity guard matches free text against
   * these without decrypting anything, and equal values in two networks hash differently.
   */
  identifierHash(networkId: string, kind: string, value: string): string {
    return createHmac('sha256', this.identifierKey).update(`${kind}\u0000${networkId}\u0000${value}`).digest('hex');
  }

  /**
   * The installation-wide match key of a client (issue #14, ADR 0021): one keyed hash over the folded
   * surname, the date of birth and the postcode together, under a key of its own, NOT bound to a
   * network, so that "known in another network?" compares keys without decrypting anything. Null
   * when a part is missing.
   */
  matchKey(identity: ClientIdentity): string | null {
    const value = matchKeyValue(identity);
    return value === null ? null : createHmac('sha256', this.matchKeyKey).update(value).digest('hex');
  }
}
