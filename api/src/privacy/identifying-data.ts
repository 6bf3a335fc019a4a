import { isBsn, isIban } from '@casustafel/contract/validators';
import type { IdentifyingFinding, IdentifyingKind } from '@casustafel/contract/question-rules';
import { GIVEN_NAMES, NOUN_SURNAMES, SURNAMES } from './data/dutch-names';

/**
 * Finds identifying data in free text (a consultative question is pseudonymous): names, street and
 * house number, postcodes, phone numbers, e-mail addresses, BSN (11-test), IBAN (checksum) and
 * dates that look like a date of birth. Returns positions only; the matched text is never logged.
 */
export function scanIdentifyingData(text: string, now: Date = new Date()): IdentifyingFinding[] {
  const findings: IdentifyingFinding[] = [];
  const add = (kind: IdentifyingKind, start: number, end: number) => findings.push({ kind, start, end });

  for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) add('EMAIL', m.index!, m.index! + m[0].length);

  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/gi)) {
    if (isIban(m[0])) add('IBAN', m.index!, m.index! + m[0].length);
  }

  // Phone numbers: +31 / 0031 / 0 followed by nine digits, with spaces, dashes, dots or brackets.
  for (const m of text.matchAll(/(?<![\w+(])\(?(?:\+31|0031|0)[\s\-.()]*[1-9](?:[\s\-.()]*\d){8}(?!\d)/g)) {
    add('PHONE', m.index!, m.index! + m[0].length);
  }

  for (const m of text.matchAll(/(?<![\d.\-/])\d{4}[ .]?\d{2}[ .]?\d{3}(?![\d\-/])|(?<![\d.\-/])\d{9}(?![\d\-/])|(?<![\d.\-/])\d{3}[ .]\d{3}[ .]\d{3}(?![\d\-/])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (isBsn(digits) && !overlaps(findings, m.index!, m.index! + m[0].length)) add('BSN', m.index!, m.index! + m[0].length);
  }

  for (const m of text.matchAll(/\b[1-9]\d{3}(\s?)([A-Za-z]{2})\b/g)) {
    const [, space, letters] = m;
    if (['SA', 'SD', 'SS'].includes(letters.toUpperCase())) continue; // never used in Dutch postcodes
    const upper = letters === letters.toUpperCase();
    // "in 2023 is" is a year and a word; "3818 bd" or "3818bd" is a postcode.
    if (upper || !space || !COMMON_TWO_LETTER_WORDS.has(letters.toLowerCase())) add('POSTCODE', m.index!, m.index! + m[0].length);
  }

  scanDates(text, now, add);
  scanAddresses(text, add);
  scanNames(text, add);

  return merge(findings.filter((f) => !isInsideOther(f, findings)));
}

const COMMON_TWO_LETTER_WORDS = new Set(['is', 'en', 'in', 'op', 'de', 'te', 'al', 'nu', 'om', 'of', 'ik', 'je', 'we', 'ze', 'er', 'na', 'zo', 'ja', 'nl', 'eu', 'km', 'kg', 'cm', 'mm', 'ml', 'uur', 'pm', 'am', 'ca', 'au', 'at', 'la', 'le', 'tv', 'pc']);

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';

function scanDates(text: string, now: Date, add: (kind: IdentifyingKind, start: number, end: number) => void): void {
  const latestBirthYear = now.getUTCFullYear() - 12;
  const plausible = (year: number) => year >= 1900 && year <= latestBirthYear;
  for (const m of text.matchAll(/\b(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.]((?:19|20)\d{2})\b/g)) {
    if (plausible(Number(m[3]))) add('DATE_OF_BIRTH', m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(new RegExp(`\\b(0?[1-9]|[12]\\d|3[01])\\s+(${MONTHS})\\.?\\s+((?:19|20)\\d{2})\\b`, 'gi'))) {
    if (plausible(Number(m[3]))) add('DATE_OF_BIRTH', m.index!, m.index! + m[0].length);
  }
  // "geboren in 1948", "geb. 1952", "geboortejaar 1939"
  for (const m of text.matchAll(/\b(?:geboren(?:\s+(?:in|op))?|geb\.|geboortejaar|geboortedatum)\s*:?\s*((?:19|20)\d{2})\b/gi)) {
    const start = m.index! + m[0].lastIndexOf(m[1]);
    add('DATE_OF_BIRTH', start, start + m[1].length);
  }
}

const STREET_SUFFIX = 'straat|laan|weg|plein|gracht|kade|dijk|singel|hof|pad|dreef|steeg|park|markt|ring|erf|baan|wal|plantsoen|boulevard|allee|hoeve|kwartier|veld';
const BARE_STREETS = 'Hof|Markt|Plein|Ring|Kade|Wal|Dreef|Singel|Gracht|Brink|Erf';
const STREET = new RegExp(`\\b((?:[A-Z][\\p{L}'-]+\\s+){0,2}(?:[A-Z][\\p{L}'-]*(?:${STREET_SUFFIX})|${BARE_STREETS}))\\s+(\\d{1,4})(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:-\\w{1,4})?(?!\\d)`, 'gu');

function scanAddresses(text: string, add: (kind: IdentifyingKind, start: number, end: number) => void): void {
  for (const m of text.matchAll(STREET)) {
    // "Soesterkwartier 80-plussers" is a neighbourhood, not an address: a house number stands alone.
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 8);
    if (/^\s*(?:jaar|plussers|\+|%|euro|minuten|keer)/i.test(after)) continue;
    add('ADDRESS', m.index!, m.index! + m[0].length);
  }
  // Known street words without a capital suffix list: "Dorpsstraat 3", handled above; "Oude Kerkstraat 12" too.
}

const TITLES = /\b(?:mevrouw|meneer|mevr\.|mw\.|mr\.|dhr\.|de heer|familie|fam\.|juffrouw|opa|oma|tante|oom)\s+/gi;
const PARTICLES = /^(?:van|de|der|den|het|'t|ter|ten|te|in|op|la|le|du|da|el|al|bin|ben)$/i;
const WORD = /[\p{L}][\p{L}'-]*/gu;

function scanNames(text: string, add: (kind: IdentifyingKind, start: number, end: number) => void): void {
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index!, end: m.index! + m[0].length }));
  const capital = (w: string) => /^\p{Lu}/u.test(w);
  const sentenceStart = (i: number) => i === 0 || /[.!?:]\s*$|\n\s*$/.test(text.slice(words[i - 1].end, words[i].start + 0)) || /[.!?]\s*$/.test(text.slice(0, words[i].start));

  /** From word i on: optional particles, then one or more capitalised words. Returns the index after the name. */
  const nameFrom = (i: number): number => {
    let j = i;
    while (j < words.length && PARTICLES.test(words[j].word)) j++;
    let k = j;
    while (k < words.length && capital(words[k].word) && !PARTICLES.test(words[k].word) && (k === i || adjacent(k))) k++;
    return k > j ? k : i;
  };
  const adjacent = (k: number) => k === 0 || /^[\s]+$|^-$/.test(text.slice(words[k - 1].end, words[k].start)) || words[k - 1].end === words[k].start;

  // 1. A title followed by a name: "mevrouw De Vries", "meneer van Dijk", "dhr. Ahmed".
  for (const m of text.matchAll(TITLES)) {
    const index = words.findIndex((w) => w.start >= m.index! + m[0].length);
    if (index < 0) continue;
    const end = nameFrom(index);
    if (end > index && (end - index > 1 || capital(words[index].word) || PARTICLES.test(words[index].word))) {
      const last = words[end - 1];
      if (capital(last.word)) add('NAME', words[index].start, last.end);
    }
  }

  for (let i = 0; i < words.length; i++) {
    const { word } = words[i];
    const lower = word.toLowerCase();
    if (!capital(word)) {
      // 2. A particle with a capitalised known surname: "de Vries", "van der Linden".
      if (PARTICLES.test(word) && (i === 0 || !PARTICLES.test(words[i - 1].word))) {
        const end = nameFrom(i);
        if (end > i + 1 && SURNAMES.has(words[end - 1].word.toLowerCase()) && capital(words[end - 1].word)) add('NAME', words[i].start, words[end - 1].end);
      }
      continue;
    }
    // 3. A known given name, written with a capital: "Jan", "Fatima", optionally with a surname.
    if (GIVEN_NAMES.has(lower)) {
      const end = nameFrom(i + 1);
      add('NAME', words[i].start, words[Math.max(end, i + 1) - 1].end);
      continue;
    }
    // 4. A known surname with a capital, mid-sentence ("bij Jansen"); noun-like surnames only after a given name or title.
    if (SURNAMES.has(lower) && !NOUN_SURNAMES.has(lower) && !sentenceStart(i)) add('NAME', words[i].start, words[i].end);
  }
}

function overlaps(findings: IdentifyingFinding[], start: number, end: number): boolean {
  return findings.some((f) => f.start < end && start < f.end);
}

function isInsideOther(f: IdentifyingFinding, all: IdentifyingFinding[]): boolean {
  return all.some((o) => o !== f && o.start <= f.start && f.end <= o.end && o.end - o.start > f.end - f.start);
}

/** Sorted, and overlapping findings of the same kind joined. */
function merge(findings: IdentifyingFinding[]): IdentifyingFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: IdentifyingFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && last.kind === f.kind && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else if (!(last && f.start >= last.start && f.end <= last.end)) out.push({ ...f });
  }
  return out;
}

// TEMPORARY (replaced by the normaliser of the guard work on branch issue9-guard).
export function normaliseForScan(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  const clusters = text.match(/\P{M}\p{M}*|\p{M}+/gsu) ?? [];
  let index = 0;
  for (const cluster of clusters) {
    let normal = cluster.normalize('NFKC');
    if (/^\p{Cf}+$/u.test(normal)) normal = '';
    normal = normal.replace(/[\p{Pd}\u2212]/gu, '-').replace(/[\p{Zs}\t]/gu, ' ');
    for (const ch of normal) {
      for (let k = 0; k < ch.length; k++) map.push(index);
      out += ch;
    }
    index += cluster.length;
  }
  map.push(text.length);
  return { text: out, map };
}

export function foldForMatch(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
