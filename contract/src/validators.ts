import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { COVENANT_ROLES, DISCLOSURE_CONTEXTS, DISCLOSURE_LEVELS } from './enums';

/**
 * The field may be left out, but not sent as null. class-validator's IsOptional skips null as well,
 * which then reaches a NOT NULL column or a rule that expects a value and fails there with a 500.
 * Use IsOptional only where null is handled (query strings, which cannot be null).
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** A complete disclosure matrix: every covenant role × every context, each a known level, nothing else. */
export function isDisclosureMatrix(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const rows = value as Record<string, unknown>;
  if (Object.keys(rows).sort().join() !== [...COVENANT_ROLES].sort().join()) return false;
  return COVENANT_ROLES.every((role) => {
    const row = rows[role];
    if (typeof row !== 'object' || row === null) return false;
    const cells = row as Record<string, unknown>;
    return (
      Object.keys(cells).sort().join() === [...DISCLOSURE_CONTEXTS].sort().join() &&
      DISCLOSURE_CONTEXTS.every((context) => (DISCLOSURE_LEVELS as readonly unknown[]).includes(cells[context]))
    );
  });
}

export function IsDisclosureMatrix(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDisclosureMatrix',
      target: target.constructor,
      propertyName,
      options,
      validator: { validate: isDisclosureMatrix },
    });
}

/** Dutch BSN: 9 digits passing the 11-test (weights 9..2 and -1). */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0 && digits !== '000000000';
}

/** IBAN length per country (SWIFT IBAN registry, plus Morocco's national IBAN); a code not listed is no IBAN. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MA: 28,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** IBAN of a country in IBAN_LENGTHS, with that country's length and a valid ISO 13616 checksum (mod 97 = 1). */
export function isIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.length !== IBAN_LENGTHS[iban.slice(0, 2)]) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** Finds a BSN (9 digits, possibly written with dots or spaces, passing the 11-test) or an IBAN in free text. */
export function findBsnOrIban(text: string): 'BSN' | 'IBAN' | null {
  for (const match of text.matchAll(/\b\d{2,4}[ .]?\d{2,3}[ .]?\d{2,4}\b/g)) {
    const digits = match[0].replace(/[ .]/g, '');
    if (isBsn(digits)) return 'BSN';
  }
  for (const match of text.matchAll(/\b[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]{4}){2,7}(?:\s?[A-Za-z0-9]{1,3})?\b/g)) {
    if (isIban(match[0])) return 'IBAN';
  }
  return null;
}
