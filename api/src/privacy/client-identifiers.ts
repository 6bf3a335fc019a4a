import type { DisclosureLevel } from '@casustafel/contract/enums';
import type { IdentifyingKind } from '@casustafel/contract/question-rules';
import { splitSurname } from './client-view';
import { NOUN_SURNAMES } from './data/dutch-names';
import type { ClientIdentity } from './identity-cipher';
import { foldForMatch, normaliseForScan } from './identifying-data';
import { SURNAME_PARTICLES } from './client-view';

/**
 * The identifying values of a client that free text may not repeat (rule (b) of the identity
 * guard), and how to find candidates for them in a text. Values are folded (lower case, no
 * diacritics, separators unified) so that "Van Canariusveld", "canariusveld" and "CANARIUSVELD"
 * are one value; only keyed hashes of them are stored (client_identifiers).
 */
export const IDENTIFIER_KINDS = ['SURNAME', 'STREET', 'POSTCODE', 'POSTCODE_HOUSE', 'PHONE', 'DATE_OF_BIRTH'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * The levels at which a viewer sees each kind. The guard matches a kind only for cases where the
 * writer's own level reveals it, so that it never tells anyone that a surname they type belongs
 * to a client the covenant hides from them.
 */
export const REVEALED_AT: Record<IdentifierKind, readonly DisclosureLevel[]> = {
  SURNAME: ['FULL'],
  STREET: ['FULL'],
  PHONE: ['FULL'],
  DATE_OF_BIRTH: ['FULL'],
  POSTCODE: ['FULL', 'ADDRESS'],
  POSTCODE_HOUSE: ['FULL', 'ADDRESS'],
};

/** How a match is reported to the writer (the kinds the client already knows how to show). */
export const FINDING_KIND: Record<IdentifierKind, IdentifyingKind> = {
  SURNAME: 'NAME',
  STREET: 'ADDRESS',
  POSTCODE: 'POSTCODE',
  POSTCODE_HOUSE: 'POSTCODE',
  PHONE: 'PHONE',
  DATE_OF_BIRTH: 'DATE_OF_BIRTH',
};

export interface IdentifierValue {
  kind: IdentifierKind;
  value: string;
}

export interface Candidate extends IdentifierValue {
  /** Offsets in the original text. */
  start: number;
  end: number;
}

/** Words joined by single spaces: "Bakker-de  Smit" → "bakker de smit". */
const nameValue = (text: string): string =>
  foldForMatch(text.normalize('NFKC'))
    .replace(/[’`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .join(' ');

const houseNumberValue = (houseNumber: string): string => foldForMatch(houseNumber).replace(/[^\p{L}\p{N}]/gu, '');

/** The last nine digits of a Dutch number, whatever its prefix (+31, 0031, 0) and separators. */
const phoneValue = (digits: string): string | null => (digits.length >= 9 ? digits.slice(-9) : null);

/** The values of one client, to be hashed and stored. */
export function identifierValues(identity: ClientIdentity): IdentifierValue[] {
  const values: IdentifierValue[] = [];
  const add = (kind: IdentifierKind, value: string | null) => {
    if (value && !values.some((v) => v.kind === kind && v.value === value)) values.push({ kind, value });
  };
  const surname = nameValue(splitSurname(identity.surname).main);
  add('SURNAME', surname);
  // "Bakker-Smit": each part on its own is the client's name too.
  const parts = surname.split(' ');
  if (parts.length > 1) for (const part of parts) if (part.length >= 3) add('SURNAME', part);
  add('STREET', nameValue(identity.street));
  const postcode = identity.postcode.replace(/\s+/g, '').toLowerCase();
  add('POSTCODE', postcode);
  add('POSTCODE_HOUSE', `${postcode}|${houseNumberValue(identity.houseNumber)}`);
  add('PHONE', identity.phone ? phoneValue(identity.phone.replace(/\D/g, '')) : null);
  add('DATE_OF_BIRTH', identity.dateOfBirth);
  return values;
}

/**
 * What the installation-wide match key hashes (ADR 0021): the folded main part of the surname
 * (without particles: "van Kemphaantjesveld" and "Kemphaantjesveld" are one), the date of birth
 * and the postcode without spaces, joined by a separator no part can hold. Null when a part is empty.
 */
export function matchKeyValue(identity: Pick<ClientIdentity, 'surname' | 'dateOfBirth' | 'postcode'>): string | null {
  const surname = nameValue(splitSurname(identity.surname).main);
  const postcode = identity.postcode.replace(/\s+/g, '').toLowerCase();
  if (!surname || !identity.dateOfBirth || !postcode) return null;
  return ['MATCH1', surname, identity.dateOfBirth, postcode].join('\u0000');
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** A surname that is also an everyday word ("de Jong", "Bakker") counts only as a name: capitalised or after a particle. */
const NEEDS_NAME_FORM = (value: string) => value.length <= 4 || NOUN_SURNAMES.has(value);
const MAX_WORDS = 4;

/**
 * Every substring of the text that could be one of a client's values, with its position in the
 * original text. The text is normalised first (NFKC, format characters removed, dashes and spaces
 * unified), so zero-width spaces and full-width digits do not hide anything.
 */
export function textCandidates(original: string): Candidate[] {
  const { text, map } = foldWithMap(original);
  const out: Candidate[] = [];
  // Values under three characters are not matched (and two-letter surnames not caught bare): "de", "en", "op" are everywhere.
  const add = (kind: IdentifierKind, value: string, start: number, end: number) => {
    if (value.length >= 3) out.push({ kind, value, start: map[start], end: map[end] });
  };
  const capitalised = (at: number) => /^\p{Lu}/u.test(original.slice(map[at], map[at] + 2));

  // Surnames and streets: runs of one to four words.
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)].map((m) => ({
    word: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  for (let i = 0; i < words.length; i++) {
    let value = '';
    for (let j = i; j < Math.min(words.length, i + MAX_WORDS); j++) {
      if (j > i && !/^[\s-]+$/.test(text.slice(words[j - 1].end, words[j].start))) break;
      value = j === i ? words[j].word : `${value} ${words[j].word}`;
      const single = j === i;
      const nameForm =
        capitalised(words[i].start) ||
        (i > 0 && SURNAME_PARTICLES.has(words[i - 1].word) && /^\s+$/.test(text.slice(words[i - 1].end, words[i].start)));
      if (!(single && NEEDS_NAME_FORM(value) && !nameForm)) add('SURNAME', value, words[i].start, words[j].end);
      if (!(single && value.length <= 5 && !capitalised(words[i].start))) add('STREET', value, words[i].start, words[j].end);
    }
  }

  // Postcodes, alone and with the house number written after or before them.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])([1-9]\d{3})[\s.-]*([a-z]{2})(?![\p{L}\p{N}])/gu)) {
    const postcode = m[1] + m[2];
    const start = m.index!;
    const end = start + m[0].length;
    add('POSTCODE', postcode, start, end);
    const after = /^[\s,.-]*(\d{1,5})(?:[\s-]?([a-z]{1,4})(?![\p{L}]))?/u.exec(text.slice(end, end + 16));
    if (after) {
      const to = end + after[0].length;
      add('POSTCODE_HOUSE', `${postcode}|${after[1]}`, start, to);
      if (after[2]) add('POSTCODE_HOUSE', `${postcode}|${after[1]}${after[2]}`, start, to);
    }
    const before = /(\d{1,5})(?:[\s-]?([a-z]{1,4}))?[\s,.-]*$/u.exec(text.slice(Math.max(0, start - 16), start));
    if (before) {
      const from = start - before[0].length;
      add('POSTCODE_HOUSE', `${postcode}|${before[1]}`, from, end);
      if (before[2]) add('POSTCODE_HOUSE', `${postcode}|${before[1]}${before[2]}`, from, end);
    }
  }

  // Phone numbers: nine or more digits with any separators.
  for (const m of text.matchAll(/(?<!\d)\+?\d(?:[\s()./-]*\d){8,14}(?!\d)/g)) {
    let digits = m[0].replace(/\D/g, '');
    if (digits.startsWith('0031')) digits = digits.slice(4);
    else if (m[0].startsWith('+31')) digits = digits.slice(2);
    const value = phoneValue(digits);
    if (value) add('PHONE', value, m.index!, m.index! + m[0].length);
  }

  // Dates: d-m-yyyy, yyyy-m-d, "17 mei 1948", two-digit years read both ways.
  const date = (y: number, mo: number, d: number, start: number, end: number) => {
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
      add('DATE_OF_BIRTH', `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, start, end);
  };
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})[\s./-]+(\d{1,2})[\s./-]+(\d{4}|\d{2})(?!\d)/g)) {
    const [, d, mo, y] = m;
    const years = y.length === 4 ? [Number(y)] : [1900 + Number(y), 2000 + Number(y)];
    for (const year of years) date(year, Number(mo), Number(d), m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(/(?<!\d)(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/g))
    date(Number(m[1]), Number(m[2]), Number(m[3]), m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{1,2})\\s*(${Object.keys(MONTHS).join('|')})\\.?\\s*(\\d{4})(?!\\d)`, 'g'))) {
    date(Number(m[3]), MONTHS[m[2]], Number(m[1]), m.index!, m.index! + m[0].length);
  }
  return out;
}

/** The normalised text folded to lower case without diacritics, with each character's offset in the original. */
function foldWithMap(original: string): { text: string; map: number[] } {
  const normal = normaliseForScan(original);
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < normal.text.length;) {
    const ch = String.fromCodePoint(normal.text.codePointAt(i)!);
    const folded = foldForMatch(ch).replace(/[’`´]/g, "'");
    for (let k = 0; k < folded.length; k++) map.push(normal.map[i]);
    text += folded;
    i += ch.length;
  }
  map.push(original.length);
  return { text, map };
}
