import type { ClientView } from '@casustafel/contract/cases';
import type { DisclosureLevel } from '@casustafel/contract/enums';
import type { ClientIdentity } from './identity-cipher';

/** The particles of Dutch (and some other) surnames: "van", "de", "ter", … */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'el',
  'al',
  'bin',
]);

/** "de Vries" → { particles: "de", main: "Vries" }: Dutch surname particles stay written out. */
export function splitSurname(surname: string): { particles: string; main: string } {
  const parts = surname.trim().split(/\s+/);
  let i = 0;
  while (i < parts.length - 1 && SURNAME_PARTICLES.has(parts[i].toLowerCase())) i++;
  return { particles: parts.slice(0, i).join(' '), main: parts.slice(i).join(' ') };
}

/** "Johanna Maria", "de Vries" → "J. de V." */
export function initialsOf(givenName: string, surname: string): string {
  const initials = givenName
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((name) => `${name[0].toUpperCase()}.`)
    .join('');
  const { particles, main } = splitSurname(surname);
  return [initials, particles, `${main[0]?.toUpperCase() ?? ''}.`].filter(Boolean).join(' ');
}

export function pseudonymDisplay(caseNumber: string, pseudonym: string): string {
  return `Casus ${caseNumber} · ${pseudonym}`;
}

/**
 * The identity as the viewer may see it at this level: only the fields the level allows exist on
 * the object, so nothing more can slip into JSON, PDF or CSV. `identity` may be null when it was
 * erased or when the level does not need it (nothing is decrypted below ADDRESS).
 */
export function buildClientView(
  level: Exclude<DisclosureLevel, 'HIDDEN'>,
  caseInfo: { number: string; pseudonym: string; neighbourhood: string; erased: boolean },
  identity: ClientIdentity | null,
): ClientView {
  const pseudonymView: ClientView = {
    level: 'PSEUDONYM',
    displayName: pseudonymDisplay(caseInfo.number, caseInfo.pseudonym),
    neighbourhood: caseInfo.neighbourhood,
    ...(caseInfo.erased ? { erased: true } : {}),
  };
  if (level === 'PSEUDONYM' || identity === null) return pseudonymView;
  const postcode = identity.postcode
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^(\d{4})([A-Z]{2})$/, '$1 $2');
  switch (level) {
    case 'ADDRESS':
      return {
        level,
        displayName: `${postcode} ${identity.houseNumber}`,
        neighbourhood: caseInfo.neighbourhood,
        postcode,
        houseNumber: identity.houseNumber,
      };
    case 'INITIALS':
      return {
        level,
        displayName: initialsOf(identity.givenName, identity.surname),
        neighbourhood: caseInfo.neighbourhood,
        initials: initialsOf(identity.givenName, identity.surname),
        birthYear: Number(identity.dateOfBirth.slice(0, 4)),
      };
    case 'FULL':
      return {
        level,
        displayName: `${identity.givenName} ${identity.surname}`,
        neighbourhood: caseInfo.neighbourhood,
        givenName: identity.givenName,
        surname: identity.surname,
        dateOfBirth: identity.dateOfBirth,
        street: identity.street,
        houseNumber: identity.houseNumber,
        postcode,
        city: identity.city,
        ...(identity.phone ? { phone: identity.phone } : {}),
      };
  }
}
