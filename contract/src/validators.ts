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

/** IBAN with a valid ISO 13616 checksum (mod 97 = 1). */
export function isIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
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
