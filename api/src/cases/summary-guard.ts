import { findBsnOrIban } from '@casustafel/contract/validators';
import { splitSurname } from '../privacy/client-view';
import type { ClientIdentity } from '../privacy/identity-cipher';

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * What is wrong with a case summary, in Dutch, or null. The summary is shown to everyone who sees
 * the case, also at the pseudonym level, so it may not name the client; BSN and bank account
 * numbers are never stored anywhere.
 */
export function summaryProblem(summary: string, identity: ClientIdentity): string | null {
  const found = findBsnOrIban(summary);
  if (found === 'BSN') return 'De samenvatting bevat iets dat op een BSN lijkt. Een BSN wordt nooit opgeslagen: haal het weg.';
  if (found === 'IBAN') return 'De samenvatting bevat een bankrekeningnummer (IBAN). Dat wordt nooit opgeslagen: haal het weg.';
  const text = fold(summary);
  const words = new Set(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  // The surname without its particles: "van" and "de" are ordinary words in a description.
  const surnameParts = fold(splitSurname(identity.surname).main).split(/\s+/).filter((part) => part.length >= 3);
  const givenNames = fold(identity.givenName).split(/[\s-]+/).filter((part) => part.length >= 3);
  const postcode = fold(identity.postcode).replace(/\s+/g, '');
  const phoneDigits = (identity.phone ?? '').replace(/\D/g, '').slice(-8);
  const mentions =
    [...surnameParts, ...givenNames].some((part) => words.has(part)) ||
    (identity.street.length >= 4 && text.includes(fold(identity.street))) ||
    text.replace(/\s+/g, '').includes(postcode) ||
    (phoneDigits.length === 8 && summary.replace(/\D/g, '').includes(phoneDigits));
  return mentions
    ? 'De samenvatting noemt de naam, het adres of het telefoonnummer van de cliënt. Beschrijf de situatie zonder die gegevens: wie ze mag zien, ziet ze al bij de cliënt.'
    : null;
}
