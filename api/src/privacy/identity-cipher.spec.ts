import { readConfig } from '../config/app-config';
import { IdentityCipher, type ClientIdentity } from './identity-cipher';
import { buildClientView, initialsOf } from './client-view';

const identity: ClientIdentity = {
  givenName: 'Johanna Maria',
  surname: 'de Vries',
  dateOfBirth: '1941-03-09',
  street: 'Soesterweg',
  houseNumber: '14',
  postcode: '3812AB',
  city: 'Amersfoort',
  phone: '06 12345678',
};
const cipher = new IdentityCipher(
  readConfig({ NODE_ENV: 'test', DATABASE_PATH: ':memory:', CASUSTAFEL_DATA_KEY: Buffer.alloc(32, 1).toString('base64') }),
);

describe(IdentityCipher.name, () => {
  it('makes one installation-wide match key for the same person written otherwise, and another for someone else (ADR 0021)', () => {
    const key = cipher.matchKey(identity)!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    // Particles, capitals, diacritics, the postcode's space, given name, street and phone do not count.
    expect(cipher.matchKey({ ...identity, givenName: 'J.', surname: 'VRIES', postcode: '3812 ab', street: 'Elders', phone: null })).toBe(
      key,
    );
    expect(cipher.matchKey({ ...identity, surname: 'de Vriës' })).toBe(key);
    // Each of surname, date of birth and postcode does.
    expect(cipher.matchKey({ ...identity, surname: 'de Jong' })).not.toBe(key);
    expect(cipher.matchKey({ ...identity, dateOfBirth: '1941-03-10' })).not.toBe(key);
    expect(cipher.matchKey({ ...identity, postcode: '3812AC' })).not.toBe(key);
    // Not the surname's blind index nor an identifier hash of any network: a key of its own.
    expect(key).not.toBe(cipher.surnameIndex(identity.surname));
    expect(key).not.toBe(cipher.identifierHash('n1', 'SURNAME', 'vries'));
  });

  it('round-trips an identity and never writes it in clear text', () => {
    const sealed = cipher.encrypt(identity, 'case-1');
    expect(sealed).not.toContain('Vries');
    expect(sealed).not.toContain(Buffer.from('Vries').toString('base64'));
    expect(cipher.decrypt(sealed, 'case-1')).toEqual(identity);
  });

  it('refuses a ciphertext moved to another case, or altered', () => {
    const sealed = cipher.encrypt(identity, 'case-1');
    expect(() => cipher.decrypt(sealed, 'case-2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64').toString('latin1').slice(1), 'latin1').toString('base64');
    expect(() => cipher.decrypt(parts.join('.'), 'case-1')).toThrow();
  });

  it('makes a blind index that matches surnames regardless of case and spacing, and depends on the key', () => {
    expect(cipher.surnameIndex('de Vries')).toBe(cipher.surnameIndex('  De  VRIES '));
    expect(cipher.surnameIndex('de Vries')).not.toBe(cipher.surnameIndex('de Vriesch'));
    const other = new IdentityCipher(
      readConfig({ NODE_ENV: 'test', DATABASE_PATH: ':memory:', CASUSTAFEL_DATA_KEY: Buffer.alloc(32, 2).toString('base64') }),
    );
    expect(other.surnameIndex('de Vries')).not.toBe(cipher.surnameIndex('de Vries'));
  });
});

describe(buildClientView.name, () => {
  const info = { number: '2026-014', pseudonym: 'Linde', neighbourhood: 'Soesterkwartier', erased: false };

  it.each([
    ['FULL', 'Johanna Maria de Vries', ['givenName', 'surname', 'dateOfBirth', 'street', 'houseNumber', 'postcode', 'city', 'phone']],
    ['INITIALS', 'J.M. de V.', ['initials', 'birthYear']],
    ['ADDRESS', '3812 AB 14', ['postcode', 'houseNumber']],
    ['PSEUDONYM', 'Casus 2026-014 · Linde', []],
  ] as const)('at %s shows "%s" and only its own fields', (level, displayName, fields) => {
    const view = buildClientView(level, info, identity);
    expect(view.displayName).toBe(displayName);
    expect(Object.keys(view).sort()).toEqual(['displayName', 'level', 'neighbourhood', ...fields].sort());
    if (level !== 'FULL') expect(JSON.stringify(view)).not.toMatch(/Vries|Johanna|Soesterweg|12345678/);
  });

  it('writes Dutch surname particles out in initials', () => {
    expect(initialsOf('Jan', 'van der Berg')).toBe('J. van der B.');
    expect(initialsOf('Anne-Marie', 'Bakker')).toBe('A.M. B.');
  });
});
