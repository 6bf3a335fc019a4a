import { isBsn, isIban } from '@casustafel/contract/validators';
import type { IdentifyingFinding, IdentifyingKind } from '@casustafel/contract/question-rules';
import { PSEUDONYM_WORDS } from '../cases/pseudonyms';
import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES, NOUN_SURNAMES, PARTICLE_SURNAMES, SURNAMES } from './data/dutch-names';

export interface ScanOptions {
  /**
   * The field legitimately holds an address (a meeting location such as a community centre): the
   * street-and-number and postcode detectors are skipped; every other detector still applies.
   */
  allowAddresses?: boolean;
}

type Add = (kind: IdentifyingKind, start: number, end: number) => void;

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/** One code point with the combining marks that follow it. */
const CLUSTER = /[\s\S]\p{M}*/gu;
/** Invisible characters: format characters (zero-width space and joiners, soft hyphen, BOM, word joiner, bidi controls) and other default-ignorables (variation selectors, combining grapheme joiner, Hangul fillers). */
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const DASH = /^[\p{Pd}\u2212]$/u;
const SPACE = /^[\p{Zs}\t]$/u;

/**
 * The text the detectors read, and where each of its characters came from.
 *
 * The original is split into clusters (one code point plus the combining marks that follow it);
 * each cluster is put in Unicode NFKC (full-width and mathematical digits and letters become plain
 * ones, "ﬁ" becomes "fi", "é" written as e + accent becomes one character); invisible characters
 * are dropped (format characters such as the zero-width space, joiners, soft hyphen, BOM and word
 * joiner, and other default-ignorable code points such as variation selectors); a combining mark
 * left on a character that is not a letter (an underlined digit) is dropped; every dash-like
 * character (Unicode Pd, and the minus sign) becomes "-" and every space separator (Unicode Zs,
 * including no-break spaces) and tab becomes " ". Line breaks are kept.
 *
 * `map[i]` is the index in the original of the cluster that normalised character `i` came from;
 * `map[text.length]` is the original's length. So a span [s, e) of the normalised text covers
 * original.slice(map[s], end of the cluster at map[e - 1]).
 */
export function normaliseForScan(text: string): { text: string; map: number[] } {
  const parts: string[] = [];
  const map: number[] = [];
  for (const cluster of text.matchAll(CLUSTER)) {
    let baseIsLetter = false;
    let first = true;
    for (const ch of cluster[0].normalize('NFKC')) {
      const isMark = /^\p{M}$/u.test(ch);
      if (first || !isMark) baseIsLetter = /^\p{L}$/u.test(ch);
      first = false;
      let unified: string;
      if (INVISIBLE.test(ch) || (isMark && !baseIsLetter)) unified = '';
      else if (DASH.test(ch)) unified = '-';
      else if (SPACE.test(ch)) unified = ' ';
      else unified = ch;
      parts.push(unified);
      for (let i = 0; i < unified.length; i++) map.push(cluster.index!);
    }
  }
  map.push(text.length);
  return { text: parts.join(''), map };
}

/** Letters that NFKD does not decompose but that readers take for a plain letter. */
const UNDECOMPOSED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** For comparing words: lower case, diacritics removed ("Öztürk", "OZTURK" and "öztürk" all give "ozturk"). */
export function foldForMatch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøđßæœ]/g, (ch) => UNDECOMPOSED[ch]);
}

/** Cyrillic and Greek letters that look like Latin ones, as used to slip a name past a filter. */
const LOOKALIKES: Record<string, string> = Object.fromEntries(
  [...'аеорсхуіјѕһԁԛԝАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοі'].map((ch, i) => [ch, 'aeopcxyijshdqwABEKMHOPCTXIJSABEZHIKMNOPTYXoi'[i]]),
);
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
const HAS_LOOKALIKE = new RegExp(LOOKALIKE.source, 'u');

/**
 * Second, length-preserving step (positions stay valid): inside a word that mixes Latin letters
 * with Cyrillic or Greek look-alikes, or consists of look-alikes only, the look-alikes become
 * Latin ("Jаnsen" with a Cyrillic а); a letter O that stands for a zero in a number ("O6-…") becomes 0.
 */
function foldLookalikes(text: string): string {
  const words = text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (!HAS_LOOKALIKE.test(word)) return word;
    const lookalikesOnly = [...word].every((ch) => ch in LOOKALIKES || /\p{M}/u.test(ch));
    return /[A-Za-z]/.test(word) || lookalikesOnly ? word.replace(LOOKALIKE, (ch) => LOOKALIKES[ch]) : word;
  });
  return words.replace(/(?<!\p{L})[Oo](?=\d)|(?<=\d)[Oo](?=\d)/gu, '0');
}

// ---------------------------------------------------------------------------------------------
// The scan
// ---------------------------------------------------------------------------------------------

/**
 * Finds identifying data in free text that others read at the pseudonym level: names, street and
 * house number, postcodes, phone numbers, e-mail addresses, BSN (11-test), IBAN (checksum) and
 * dates that look like a date of birth. The text is normalised first (see normaliseForScan), so
 * zero-width characters, full-width digits and odd dashes or spaces do not hide anything; the
 * findings are positions in the ORIGINAL text. Returns positions only; the text is never logged.
 */
export function scanIdentifyingData(text: string, now: Date = new Date(), options: ScanOptions = {}): IdentifyingFinding[] {
  return merge([...scanAsStored(text, now, options), ...scanOverriddenRuns(text, now, options)]);
}

/** The scan of the text in the order it is stored, in original positions. */
function scanAsStored(text: string, now: Date, options: ScanOptions): IdentifyingFinding[] {
  const normalised = normaliseForScan(text);
  const scanned = foldLookalikes(normalised.text);
  const all = scanNormalised(scanned, now);
  const kept = all.filter((f) => !isInsideOther(f, all));
  const shown = options.allowAddresses ? kept.filter((f) => f.kind !== 'ADDRESS' && f.kind !== 'POSTCODE') : kept;
  return merge(shown).map((f) => ({ kind: f.kind, start: normalised.map[f.start], end: clusterEnd(text, normalised.map[f.end - 1]) }));
}

/** Right-to-left override (U+202E) up to a pop (U+202C) or the end of the line. */
const RIGHT_TO_LEFT_OVERRIDE = /\u202E([^\u202C\n]*)/g;

/**
 * Text inside a right-to-left override is shown reversed: "\u202E87654321-60" reads as
 * "06-12345678" on screen. Such a run is scanned again as it is shown; findings cover the
 * characters of the run that make them up.
 */
function scanOverriddenRuns(text: string, now: Date, options: ScanOptions): IdentifyingFinding[] {
  const out: IdentifyingFinding[] = [];
  for (const m of text.matchAll(RIGHT_TO_LEFT_OVERRIDE)) {
    const runStart = m.index! + 1;
    const clusters = [...m[1].matchAll(CLUSTER)];
    const shown = clusters.map((c) => c[0]).reverse();
    const starts: number[] = [];
    let offset = 0;
    for (const c of shown) {
      starts.push(offset);
      offset += c.length;
    }
    const original = (i: number) => runStart + clusters[clusters.length - 1 - i].index!;
    const clusterAt = (position: number) => {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1] <= position) i++;
      return i;
    };
    for (const f of scanAsStored(shown.join(''), now, options)) {
      const first = clusterAt(f.start);
      const last = clusterAt(f.end - 1);
      out.push({ kind: f.kind, start: original(last), end: clusterEnd(text, original(first)) });
    }
  }
  return out;
}

function clusterEnd(text: string, start: number): number {
  const cluster = /[\s\S]\p{M}*/uy;
  cluster.lastIndex = start;
  return start + (cluster.exec(text)?.[0].length ?? 0);
}

function scanNormalised(text: string, now: Date): IdentifyingFinding[] {
  const findings: IdentifyingFinding[] = [];
  const add: Add = (kind, start, end) => findings.push({ kind, start, end });
  scanEmails(text, add);
  scanIbans(text, add);
  scanPhones(text, add);
  scanDates(text, now, add);
  scanBsns(text, findings, add);
  scanPostcodes(text, add);
  scanAddresses(text, add);
  scanNames(text, add);
  return findings;
}

// E-mail ---------------------------------------------------------------------------------------

const OPEN = String.raw`[\[({<]`;
const CLOSE = String.raw`[\])}>]`;
const AT = String.raw` ?@ ?|\s*${OPEN}\s*(?:at|a|@|apenstaartje)\s*${CLOSE}\s*|\s+(?:at|apenstaartje)\s+`;
const DOT = String.raw`\.|\s*${OPEN}\s*(?:punt|dot|\.)\s*${CLOSE}\s*|\s+(?:punt|dot)\s+`;
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])(?<local>[\p{L}\p{N}._%+-]+)(?:${AT})[\p{L}\p{N}-]+(?:(?:${DOT})(?<label>[\p{L}\p{N}-]+))+`,
  'giu',
);
/** Top-level domains accepted after a written-out "at" or "punt" ("jan [at] voorbeeld [punt] nl"). */
const TOP_LEVEL_DOMAINS = new Set([
  'nl',
  'be',
  'com',
  'net',
  'org',
  'eu',
  'info',
  'nu',
  'de',
  'fr',
  'uk',
  'biz',
  'online',
  'email',
  'me',
  'io',
  'ma',
  'tr',
  'sr',
  'cw',
  'aw',
  'pl',
]);
/** Shared mailboxes of an organisation identify nobody. */
const ROLE_MAILBOXES = new Set([
  'info',
  'contact',
  'secretariaat',
  'meldpunt',
  'receptie',
  'servicedesk',
  'helpdesk',
  'klantenservice',
  'noreply',
  'no-reply',
  'administratie',
  'planning',
  'aanmelden',
  'post',
  'algemeen',
  'wijkteam',
  'buurtteam',
  'office',
  'balie',
]);

function scanEmails(text: string, add: Add): void {
  for (const m of text.matchAll(EMAIL)) {
    const plain = /^[^\s[\](){}<>]+@[^\s[\](){}<>]+$/.test(m[0]);
    const label = m.groups!['label'].toLowerCase();
    if (plain ? !/^\p{L}{2,}$/u.test(label) : !TOP_LEVEL_DOMAINS.has(label)) continue;
    if (ROLE_MAILBOXES.has(m.groups!['local'].toLowerCase())) continue;
    add('EMAIL', m.index!, m.index! + m[0].length);
  }
}

// IBAN -----------------------------------------------------------------------------------------

const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2} ?\d{2}/gu;
const ALNUM = /^[A-Za-z0-9]$/;

/** An IBAN written whole, in groups ("NL 20 INGB …" too), in lower case, or with dots or dashes between the groups. */
function scanIbans(text: string, add: Add): void {
  for (const m of text.matchAll(IBAN_START)) {
    let compact = m[0].replace(' ', '').toUpperCase();
    let i = m.index! + m[0].length;
    const ends: [length: number, end: number][] = [];
    while (compact.length < 34) {
      let j = i;
      if (/[ .-]/.test(text[j] ?? '') && ALNUM.test(text[j + 1] ?? '')) j++;
      if (!ALNUM.test(text[j] ?? '')) break;
      compact += text[j].toUpperCase();
      i = j + 1;
      if (!ALNUM.test(text[i] ?? '')) ends.push([compact.length, i]);
    }
    const found = ends.reverse().find(([length]) => length >= 14 && isIban(compact.slice(0, length)));
    if (found) add('IBAN', m.index!, found[1]);
  }
}

// Phone ----------------------------------------------------------------------------------------

/** Between two digits of a phone number: up to three of space, dash, dot, slash or bracket. */
const PHONE_SEPARATOR = String.raw`[ \-./()]{0,3}`;
/** Dutch: +31, 0031 (optionally followed by "(0)") or 0, then nine digits not starting with 0. */
const DUTCH_PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])(?:(?:\+|00) ?31${PHONE_SEPARATOR}(?:\(0\)${PHONE_SEPARATOR})?|\(?0${PHONE_SEPARATOR})[1-9](?:${PHONE_SEPARATOR}\d){8}(?!\d)`,
  'gu',
);
/** Other countries: + or 00 and a country code, then eight to twelve digits. */
const FOREIGN_PHONE = new RegExp(String.raw`(?<![\p{L}\p{N}+])(?:\+|00) ?(?!31)[1-9]\d{0,2}(?:${PHONE_SEPARATOR}\d){8,12}(?!\d)`, 'gu');

function scanPhones(text: string, add: Add): void {
  for (const m of text.matchAll(DUTCH_PHONE)) {
    // An opening bracket belongs to the number only when it closes inside it: "(033) 456 78 90", not "(06 12 34 56 78".
    const open = m[0].startsWith('(') && !m[0].includes(')') ? 1 : 0;
    add('PHONE', m.index! + open, m.index! + m[0].length);
  }
  for (const m of text.matchAll(FOREIGN_PHONE)) add('PHONE', m.index!, m.index! + m[0].length);
}

// BSN ------------------------------------------------------------------------------------------

/** Nine digits, grouped any way with single spaces, dots or dashes, not part of a longer number or an amount. */
const NINE_DIGITS = /(?<![\p{L}\p{N}])(?<!\p{N}[ .-])(?<!€ ?)\d(?:(?: ?[.-] ?| )?\d){8}(?![ .-]?\p{N})(?!,\d)(?!\p{L})/gu;
/** A number that the writer calls a BSN counts even when it fails the 11-test (a typo still identifies). */
const NAMED_BSN =
  /\b(?:bsn|burgerservicenummer|sofi-?nummer)(?:-?nummer|nr\.?)?\s*(?:is|:|=)?\s*(\d(?:(?: ?[.-] ?| )?\d){7,8})(?![ .-]?\p{N})/giu;
const LOOKS_LIKE_DATE = /^(?:\d{1,2}([-./])\d{1,2}\1\d{4}|\d{4}-\d{2}-\d{2})/;

function scanBsns(text: string, findings: IdentifyingFinding[], add: Add): void {
  for (const m of text.matchAll(NINE_DIGITS)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (LOOKS_LIKE_DATE.test(m[0]) || overlaps(findings, start, end)) continue;
    if (isBsn(m[0].replace(/\D/g, ''))) add('BSN', start, end);
  }
  for (const m of text.matchAll(NAMED_BSN)) {
    const start = m.index! + m[0].length - m[1].length;
    if (!overlaps(findings, start, start + m[1].length)) add('BSN', start, start + m[1].length);
  }
}

// Postcode -------------------------------------------------------------------------------------

/** Four digits and two letters: "3812 QX", "3812QX", "3812-QX", "3812 - qx", "3812.QX". */
const POSTCODE = /(?<![\p{L}\p{N}\-.,/€])[1-9]\d{3}(?: ?- ?| |\.)?([A-Za-z]{2})(?![\p{L}\p{N}])/gu;
/** Two-letter words and units after a year or an amount: "in 2023 is", "2000 km", "1500ml". */
const COMMON_TWO_LETTER_WORDS = new Set([
  'is',
  'en',
  'in',
  'op',
  'de',
  'te',
  'al',
  'nu',
  'om',
  'of',
  'ik',
  'je',
  'we',
  'ze',
  'er',
  'na',
  'zo',
  'ja',
  'nl',
  'eu',
  'ex',
  'me',
  'he',
  'ie',
  'km',
  'kg',
  'cm',
  'mm',
  'ml',
  'cl',
  'dl',
  'mg',
  'gr',
  'kw',
  'pk',
  'mb',
  'gb',
  'kb',
  'st',
  'pp',
  'ct',
  'pm',
  'am',
  'ca',
  'au',
  'at',
  'la',
  'le',
  'tv',
  'pc',
  'ok',
  'oh',
  'ah',
  'eh',
  'uh',
  'ma',
  'di',
  'wo',
  'do',
  'vr',
  'za',
  'wk',
  'mn',
  'nr',
  'no',
]);

function scanPostcodes(text: string, add: Add): void {
  for (const m of text.matchAll(POSTCODE)) {
    const letters = m[1];
    if (['SA', 'SD', 'SS'].includes(letters.toUpperCase())) continue; // never used in Dutch postcodes
    // Capitals are a postcode; lower case or mixed ("is", "En") only when not a common word or unit.
    if (letters !== letters.toUpperCase() && COMMON_TWO_LETTER_WORDS.has(letters.toLowerCase())) continue;
    add('POSTCODE', m.index!, m.index! + m[0].length);
  }
}

// Date of birth --------------------------------------------------------------------------------

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
/** 12-03-1941, 12/3/1941, 12.03.1941, 12 - 03 - 1941 */
const NUMERIC_DATE = new RegExp(`(?<![\\p{N}\\-/.])${DAY} ?([-/.]) ?${MONTH} ?\\1 ?((?:19|20)\\d{2})(?!\\p{N})`, 'gu');
/** 1941-03-12 */
const ISO_DATE = new RegExp(`(?<![\\p{N}\\-/.])((?:19|20)\\d{2})-${MONTH}-${DAY}(?!\\p{N})`, 'gu');
/** 12 maart 1941, 12 mrt. 1941, 12-mrt-1941, 12e maart '41 */
const WRITTEN_DATE = new RegExp(
  `(?<!\\p{N})${DAY}(?:e|ste|de)?[ -]?(?:${MONTHS})(?!\\p{L})\\.?[ -]?((?:19|20)\\d{2}|'\\d{2})(?!\\p{N})`,
  'giu',
);
/** Words that introduce a date of birth, and the forms such a date takes after them. */
const BIRTH_CUE =
  /(?<!\p{L})(?:geboortedatum|geboortejaar|geb\.?\s?datum|geb\.?\s?jaar|geboren|geb(?!\p{L})\.?|°)(?:\s*(?:op|in|rond|omstreeks|:|=))*\s*/giu;
const AFTER_BIRTH_CUE = [
  new RegExp(`${DAY} ?[-/.] ?${MONTH} ?[-/.] ?(?:(?:19|20)?\\d{2})(?!\\p{N})`, 'uy'),
  new RegExp(`${DAY}(?:e|ste|de)?[ -]?(?:${MONTHS})(?!\\p{L})\\.?(?:[ -]?(?:(?:19|20)\\d{2}|'\\d{2}))?(?!\\p{N})`, 'iuy'),
  new RegExp(`(?:${MONTHS})(?!\\p{L})\\.? (?:(?:19|20)\\d{2}|'\\d{2})(?!\\p{N})`, 'iuy'),
  /(?:19|20)\d{2}(?!\p{N})/uy,
  /'\d{2}(?!\p{N})/uy,
  /\d{6}(?:\d{2})?(?!\p{N})/uy,
];
/** A full date right after these words is an event, not a birth: "sinds 01-09-2008", "overleed op 3 maart 2011". */
const EVENT_BEFORE =
  /(?:sinds|vanaf|per|tot(?: en met)?|t\/m|sedert|overleden|overleed|overlijden|verhuisd|ingeschreven|uitgeschreven|opgenomen|ontslagen|getrouwd|gescheiden|besproken|gemeld|melding|ontvangen)(?:\s+(?:op|in|per|sinds))?\s*$/i;

function scanDates(text: string, now: Date, add: Add): void {
  const latestBirthYear = now.getUTCFullYear() - 12;
  const fullYear = (year: string) => (year.startsWith("'") ? twoDigitYear(Number(year.slice(1)), now) : Number(year));
  const plausible = (year: number) => year >= 1900 && year <= latestBirthYear;
  const isEvent = (start: number) => EVENT_BEFORE.test(text.slice(Math.max(0, start - 30), start));

  for (const m of text.matchAll(BIRTH_CUE)) {
    const at = m.index! + m[0].length;
    for (const form of AFTER_BIRTH_CUE) {
      form.lastIndex = at;
      const date = form.exec(text);
      if (!date) continue;
      const years = date[0].match(/(?:19|20)\d{2}(?!\d)/);
      if (!years || Number(years[0]) <= now.getUTCFullYear()) add('DATE_OF_BIRTH', at, at + date[0].length);
      break;
    }
  }
  for (const pattern of [NUMERIC_DATE, WRITTEN_DATE]) {
    for (const m of text.matchAll(pattern)) {
      if (plausible(fullYear(m[m.length - 1])) && !isEvent(m.index!)) add('DATE_OF_BIRTH', m.index!, m.index! + m[0].length);
    }
  }
  for (const m of text.matchAll(ISO_DATE)) {
    if (plausible(Number(m[1])) && !isEvent(m.index!)) add('DATE_OF_BIRTH', m.index!, m.index! + m[0].length);
  }
}

/** '41 is 1941 and '09 is 2009, as of 2026. */
function twoDigitYear(yy: number, now: Date): number {
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + yy > now.getUTCFullYear() ? century - 100 + yy : century + yy;
}

// Street and house number ----------------------------------------------------------------------

/** Endings that make a word a street name even without a capital ("kanarieweg 78"). */
const STRONG_STREET_SUFFIX = 'straat|laan|weg|plein|gracht|kade|singel|steeg|dreef|plantsoen|boulevard|allee|park|markt';
const STREET_SUFFIX = `${STRONG_STREET_SUFFIX}|hof|pad|ring|erf|baan|wal|hoeve|kwartier|veld|dijk|haven|poort`;
const BARE_STREETS = 'Hof|Markt|Plein|Ring|Kade|Wal|Dreef|Singel|Gracht|Brink|Erf|Kamp|Plantsoen|Haven|Dijk|Steeg';
const CAPITALISED = "\\p{Lu}[\\p{L}'-]*";
const HOUSE_NUMBER =
  '\\s*(?:(?:nr|no|nummer)\\.?\\s*)?(\\d{1,4})(?:\\s?[a-zA-Z](?!\\p{L}))?(?:\\s?[-/]\\s?[\\p{L}\\p{N}]{1,4}(?![\\p{L}\\p{N}]))?(?!\\p{N})';
/** Capitalised words that open a sentence rather than a street name ("Ook Kerkstraat 5 …"). */
const SENTENCE_WORDS =
  '(?:Ook|Op|In|Aan|Bij|Naar|Van|De|Het|Een|Zij|Hij|Ze|Wij|We|Adres|Woont|Via|Tot|Vanaf|Sinds|Om|Voor|Achter|Langs|Rond|Naast|Tegenover|Nabij|Locatie|Plaats|Waar|Dus|En|Maar|Of|Uit|Richting|Hoek)';
/** "Kastanjelaan 14", "Paulus Potterstraat 41a", "Johan de Wittlaan 5", "Kapelweg 120-bis", "Kanarieweg nr. 78". */
const STREET = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:(?!${SENTENCE_WORDS}\\s)${CAPITALISED}\\s+(?:(?:${CAPITALISED}|van|de|der|den|het|'t|ter|ten)\\s+){0,2})?(?:${CAPITALISED}(?:${STREET_SUFFIX})|${BARE_STREETS}))${HOUSE_NUMBER}`,
  'gu',
);
const LOWER_CASE_STREET = new RegExp(`(?<![\\p{L}\\p{N}])(\\p{Ll}[\\p{L}'-]{2,}(?:${STRONG_STREET_SUFFIX}))${HOUSE_NUMBER}`, 'gu');
const NOT_STREETS = new Set([
  'onderweg',
  'omweg',
  'snelweg',
  'uitweg',
  'zijweg',
  'doorweg',
  'halverwege',
  'rijksweg',
  'wandelpark',
  'vakantiepark',
]);
/** "woont op de Zand 4", "adres: Het Zand 4": a place with a number after words that announce an address. */
const ANNOUNCED_ADDRESS = new RegExp(
  `(?<!\\p{L})(?:[Ww]o(?:ont|nen|onde|onachtig)|[Ww]oonadres|[Aa]dres(?:\\s+is)?|[Vv]erhuis[dt]|[Ii]ngeschreven)(?:\\s+(?:nu|nog|sinds kort|al jaren))?(?:\\s+(?:op|aan|in))?(?:\\s+(?:de|het|'t))?\\s*:?\\s+(${CAPITALISED}(?:\\s+${CAPITALISED})?)${HOUSE_NUMBER}`,
  'gu',
);
/** The number first: "nummer 14 van de Ringweg", "huisnummer 27, Kwikstaartlaan". */
const NUMBER_BEFORE_STREET = new RegExp(
  `(?<!\\p{L})(?:[Hh]uisnummer|[Nn]ummer|[Nn]r\\.?)\\s*\\d{1,4}[a-zA-Z]?(?:,\\s*|\\s+(?:van|aan|in|op)\\s+(?:de|het)\\s+)(?:${CAPITALISED}\\s+)?\\p{L}[\\p{L}'-]*(?:${STREET_SUFFIX})(?!\\p{L})`,
  'gu',
);
/** A number followed by these is a count, an age or an amount, not a house number. */
const NOT_A_HOUSE_NUMBER =
  /^\s*-?\s*(?:jaar|jarige|plussers|\+|%|euro|€|minuten|min\b|uur|keer|dagen|weken|maanden|km|kilometer|meter|m\b|personen|mensen|bewoners|woningen|huizen|flats|adressen|meldingen|straten|deuren|x\b)/i;

/** Words that start a street's name: titles, "Oude", "Lange", compass points, ordinals (plus listed names: "Johan de Wittlaan"). */
const STREET_PREFIXES = new Set(
  'burgemeester dokter dr prins prinses koningin koning graaf gravin generaal kapitein admiraal pater pastoor professor prof sint st oude nieuwe lange korte hoge lage grote kleine achter voor binnen buiten noord zuid oost west noorder zuider ooster wester eerste tweede derde'.split(
    ' ',
  ),
);

/** "Woning Kanarieweg 78" at the start of a sentence: the first word is the sentence's, not the street's. */
function withoutOpeningWord(text: string, index: number, street: string): string {
  const [first, ...rest] = street.split(/\s+/);
  if (rest.length === 0 || !/(?:^|[.!?:;(\n]\s*)$/.test(text.slice(0, index))) return street;
  const folded = foldForMatch(first);
  return STREET_PREFIXES.has(folded) || GIVEN_NAMES.has(folded) || SURNAMES.has(folded)
    ? street
    : street.slice(street.indexOf(rest[0], first.length));
}

function scanAddresses(text: string, add: Add): void {
  const addStreet = (m: RegExpMatchArray, street: string) => {
    const end = m.index! + m[0].length;
    if (NOT_A_HOUSE_NUMBER.test(text.slice(end, end + 12))) return;
    add('ADDRESS', m.index! + m[0].indexOf(street), end);
  };
  for (const m of text.matchAll(STREET)) addStreet(m, withoutOpeningWord(text, m.index!, m[1]));
  for (const m of text.matchAll(LOWER_CASE_STREET)) if (!NOT_STREETS.has(m[1].toLowerCase())) addStreet(m, m[1]);
  for (const m of text.matchAll(ANNOUNCED_ADDRESS)) addStreet(m, m[1]);
  for (const m of text.matchAll(NUMBER_BEFORE_STREET)) add('ADDRESS', m.index!, m.index! + m[0].length);
}

// Names ----------------------------------------------------------------------------------------

/** Titles and relations after which a capitalised word is a name: "mevrouw De Vries", "haar zoon Dewi". */
const TITLES =
  /(?<!\p{L})(?:mevrouw|meneer|mevr\.?|mw\.|mr\.|dhr\.|hr\.|de heer|familie|fam\.|juffrouw|juf|opa|oma|tante|oom|dokter|dr\.|buurman|buurvrouw|zoon|dochter|kleinzoon|kleindochter|broer|zus|zwager|schoonzoon|schoondochter|schoonzus|neef|nicht|vriend|vriendin|echtgenoot|echtgenote|ex-partner|man|vrouw|moeder|vader|cliënt|client|bewoner|bewoonster)\s+/giu;
/** Words that say that a name follows: "zij heet Zwanenburg", "achternaam: …". */
const NAME_CUES =
  /(?<!\p{L})(?:(?:hij|zij|ze|cliënt|client|meneer|mevrouw|bewoner|bewoonster|man|vrouw|zoon|dochter|kind|betrokkene|buurman|buurvrouw)\s+(?:heet|heette|genaamd)|(?:achter|voor|roep|familie)naam(?: is)?:?|naam(?: is|:))\s+/giu;
const PARTICLES = /^(?:van|de|der|den|het|'t|ter|ten|te|in|op|la|le|du|da|el|al|bin|ben)$/i;
/** Particles that after a title are more likely a preposition: "mevrouw in Amersfoort", "de zus in België". */
const PREPOSITION_PARTICLES = /^(?:in|op|te)$/i;
const WORD = /\p{L}[\p{L}\p{M}'-]*/gu;
/** Capitalised words of nationality after "vrouw", "man" and the like are not names ("zijn vrouw is Turkse"). */
const NATIONALITY =
  /^(?:nederlands|turks|marokkaans|surinaams|antilliaans|pools|syrisch|eritrees|eritrese|somalisch|duits|belgisch|arabisch|berbers|koerdisch|oekraiens|bulgaars|roemeens|indonesisch|moluks|kaapverdisch|ghanees|ghanese|afghaans|iraaks|iraans|chinees|chinese|engels|frans|spaans|italiaans|portugees|portugese|hindoestaans|creools)e?$/;
/** Before a given name: an organisation or a saint, not a person ("Sint Antonius", "Stichting Anna"). */
const INSTITUTION_BEFORE = new Set([
  'sint',
  'st',
  'heilige',
  'h',
  'stichting',
  'huize',
  'woonzorgcentrum',
  'zorgcentrum',
  'verpleeghuis',
  'buurthuis',
  'wijkcentrum',
  'kerk',
  'parochie',
  'basisschool',
  'school',
  'villa',
  'residentie',
  'hospice',
  'fonds',
]);
/** After a given name: an organisation ("Antonius Ziekenhuis", "Maria Oord"). */
const INSTITUTION_AFTER = new Set([
  'ziekenhuis',
  'kerk',
  'school',
  'basisschool',
  'stichting',
  'huis',
  'hof',
  'kliniek',
  'paviljoen',
  'gasthuis',
  'parochie',
  'college',
  'lyceum',
  'fonds',
  'hoeve',
  'centrum',
  'zorgcentrum',
  'hospice',
  'kapel',
  'stede',
  'oord',
  'hofje',
]);
/** Sayings with a given name in them: "Jan en alleman", "Jan Modaal". */
const SAYINGS = /(?<!\p{L})Jan(?:\s+en\s+alleman|\s+Modaal|\s+met\s+de\s+pet|\s+Publiek|\s+Salie|\s+Klaassen)(?!\p{L})/gu;
/** A name that ends in a street word is a street: "Johan de Wittlaan", "Jan van Galenstraat". */
const STREET_WORD = new RegExp(`\\p{L}{2,}(?:${STRONG_STREET_SUFFIX})$`, 'iu');
const LOCATION_PREPOSITION = /^(?:op|aan|in|bij|naar|over|langs|rond|achter|voor|onder|vanaf|via|uit)$/i;

const INITIALS_WITH_PARTICLE = /(?<![\p{L}.])(?:\p{Lu}\.\s?){1,3}(?:van der|van den|van de|van|de|der|den|ter|ten|te)\s\p{Lu}\.(?!\p{L})/gu;
/** A case's label as the product shows it, "Casus 2026-014 · Linde": its pseudonym is no name. */
const CASE_LABEL = /(?<!\p{L})casus\s+\d{4}-\d{2,4}\s*[·:-]?\s*(?:(?:mevrouw|meneer)\s+)?[\p{L}-]+(?:\s\d+)?/giu;
const PSEUDONYMS = new Set(PSEUDONYM_WORDS.map(foldForMatch));

interface Word {
  word: string;
  folded: string;
  start: number;
  end: number;
}

/**
 * Names, from the lists in data/dutch-names.ts and from cues. A capitalised word counts after a
 * title or relation ("mevrouw", "haar zoon"), as a listed given name (with the capitalised words
 * that follow it as surname), as a listed surname, or after a particle when it is a listed surname;
 * in lower case only after a title or as a listed given name with a listed surname. Excluded: case
 * pseudonyms, streets named after people, saints and organisations, and sayings.
 */
function scanNames(text: string, add: Add): void {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({
    word: m[0],
    folded: foldForMatch(m[0]),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  const isKnownName = (w: Word) => GIVEN_NAMES.has(w.folded) || SURNAMES.has(w.folded);
  const capital = (w: Word) => /^\p{Lu}/u.test(w.word);
  const allCaps = (w: Word) => /^\p{Lu}[\p{Lu}\p{M}'-]+$/u.test(w.word);
  /** Capitalised as a name is ("Jansen"), or in capitals and listed ("JANSEN" in a shouted sentence). */
  const nameCased = (w: Word) => capital(w) && (!allCaps(w) || isKnownName(w));
  const gapBefore = (i: number) => text.slice(i === 0 ? 0 : words[i - 1].end, words[i].start);
  const sentenceStart = (i: number) => i === 0 || /[.!?:;•\n]|^\s*[-*(“"'‘]\s*$/.test(gapBefore(i));
  const adjacent = (k: number) => k === 0 || /^\s+$|^-$|^$/.test(gapBefore(k));
  const isParticle = (w: Word | undefined) => !!w && PARTICLES.test(w.word);
  /** Part of an e-mail or web address ("info@jansen.nl"): the address detector judges it. */
  const inWebAddress = (w: Word) => /[@/]|www\./.test(text.slice(0, w.start).split(/\s/).pop()! + text.slice(w.end).split(/\s/)[0]);
  const isPlainSurname = (w: Word) => SURNAMES.has(w.folded) && !NOUN_SURNAMES.has(w.folded) && !PARTICLE_SURNAMES.has(w.folded);

  /**
   * From word i on: optional particles, then one or more capitalised words. Returns the index after
   * the name, or i when there is none. `continuing`: word i follows a name already, so it must be adjacent.
   */
  const nameFrom = (i: number, continuing = false): number => {
    let j = i;
    while (j < words.length && isParticle(words[j]) && (j > i || !continuing || adjacent(j))) j++;
    let k = j;
    while (k < words.length && nameCased(words[k]) && !isParticle(words[k]) && ((k === i && !continuing) || adjacent(k))) k++;
    return k > j ? k : i;
  };
  /**
   * From word i on, in lower case: optional particles, then a listed surname ("jansen", "de vries").
   * `afterTitle`: a surname that is also a word counts too after "de", "van" or "van der" ("meneer
   * de boer"), not after "van de" or "van het" ("mevrouw van de bakker" is the baker's wife).
   */
  const lowerCaseNameFrom = (i: number, afterTitle = false): number => {
    let j = i;
    while (j < words.length && isParticle(words[j]) && adjacent(j)) j++;
    const w = words[j];
    if (!w || !adjacent(j) || capital(w) || !SURNAMES.has(w.folded)) return i;
    const particles = words
      .slice(i, j)
      .map((x) => x.word.toLowerCase())
      .join(' ');
    if (NOUN_SURNAMES.has(w.folded) && (!afterTitle || !particles || /^van (?:de|het|'t)$/.test(particles))) return i;
    return PARTICLE_SURNAMES.has(w.folded) && j === i ? i : j + 1;
  };
  /** Particles from word i on, then capitalised words ending in a listed surname that do not start with a given name ("van der Linden"). */
  const particleName = (i: number): { first: number; end: number; last: Word } | null => {
    const end = nameFrom(i);
    let first = i;
    while (first < end && isParticle(words[first])) first++;
    if (first === i || first >= end) return null;
    const last = words[end - 1];
    return SURNAMES.has(last.folded) && !GIVEN_NAMES.has(words[first].folded) ? { first, end, last } : null;
  };
  const isStreet = (to: number) => STREET_WORD.test(words[to - 1].word);
  const excluded = [...text.matchAll(CASE_LABEL), ...text.matchAll(SAYINGS)].map((m) => [m.index!, m.index! + m[0].length]);
  const addSpan = (from: number, to: number) => {
    const end = words[to - 1].end;
    // Initials belong to the name: "A. Bouzid", "mw. R. de Wit", "J.P. Kaya".
    const initials = /(?<!\p{L})(?:\p{Lu}\.\s?){1,3}$/u.exec(text.slice(Math.max(0, words[from].start - 9), words[from].start));
    const start = words[from].start - (initials?.[0].length ?? 0);
    if (!excluded.some(([s, e]) => s < end && start < e)) add('NAME', start, end);
  };
  /** "mevrouw Linde": a pseudonym after a title, when the word is not also a listed name. */
  const isPseudonym = (from: number, to: number) => to - from === 1 && PSEUDONYMS.has(words[from].folded) && !isKnownName(words[from]);

  // 0. Initials with a particle, as the INITIALS level shows a name: "J. de V.", "J.M. van der L.".
  for (const m of text.matchAll(INITIALS_WITH_PARTICLE)) add('NAME', m.index!, m.index! + m[0].length);

  // 1. A title, relation or cue followed by a name: "mevrouw De Vries", "meneer van Dijk", "haar zoon Dewi", "zij heet Zwanenburg", "mevrouw jansen".
  for (const cue of [...text.matchAll(TITLES), ...text.matchAll(NAME_CUES)]) {
    const index = words.findIndex((w) => w.start >= cue.index! + cue[0].length);
    if (index < 0 || words[index].start !== cue.index! + cue[0].length || PREPOSITION_PARTICLES.test(words[index].word)) continue;
    const end = nameFrom(index);
    const last = words[end - 1];
    if (end > index && /^\p{Lu}\p{Ll}|^\p{Lu}{2,}$/u.test(last.word) && !NATIONALITY.test(last.folded) && !isStreet(end)) {
      if (!isPseudonym(index, end)) addSpan(index, end);
      continue;
    }
    const lower = lowerCaseNameFrom(index, true);
    if (lower > index) addSpan(index, lower);
    else if (!capital(words[index]) && GIVEN_NAMES.has(words[index].folded) && !AMBIGUOUS_GIVEN_NAMES.has(words[index].folded))
      addSpan(index, index + 1);
  }

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!capital(w)) {
      // 2. Particles with a capitalised listed surname: "de Vries", "van der Linden", "van Dijk"; not a place ("op de Brink", "aan de Maas").
      if (
        isParticle(w) &&
        !PREPOSITION_PARTICLES.test(w.word) &&
        (!isParticle(words[i - 1]) || PREPOSITION_PARTICLES.test(words[i - 1].word))
      ) {
        const name = particleName(i);
        if (name) {
          const { first, end, last } = name;
          const particles = first - i;
          const withParticle = particles >= 2 || NOUN_SURNAMES.has(last.folded) || PARTICLE_SURNAMES.has(last.folded);
          const place =
            particles === 1 &&
            /^(?:de|het|'t)$/i.test(w.word) &&
            NOUN_SURNAMES.has(last.folded) &&
            LOCATION_PREPOSITION.test(words[i - 1]?.word ?? '');
          if (withParticle && !place) addSpan(i, end);
        }
      }
      // 5. In lower case: a listed given name with a listed surname ("jan de vries"), or a listed surname that is no Dutch word ("jansen", "de vries").
      if (GIVEN_NAMES.has(w.folded) && !isParticle(w)) {
        const end = lowerCaseNameFrom(i + 1);
        if (end > i + 1) addSpan(i, end);
      } else if (SURNAMES.has(w.folded) && !NOUN_SURNAMES.has(w.folded) && w.folded.length >= 5 && !inWebAddress(w)) {
        let from = i;
        while (from > 0 && isParticle(words[from - 1]) && !capital(words[from - 1]) && adjacent(from)) from--;
        if (from < i || !PARTICLE_SURNAMES.has(w.folded)) addSpan(from, i + 1);
      }
      continue;
    }
    // 2b. A capitalised particle with a listed surname: "het gezin Van Dongen"; at the start of a sentence only when the surname is no word ("De Vries", not "De Bakker").
    if (isParticle(w) && !PREPOSITION_PARTICLES.test(w.word)) {
      const name = particleName(i);
      if (name && (!sentenceStart(i) || !NOUN_SURNAMES.has(name.last.folded))) {
        addSpan(i, name.end);
        i = name.end - 1;
        continue;
      }
    }
    // 3. A listed given name, written with a capital: "Jan", "Fatima", with the surname that follows it.
    if (GIVEN_NAMES.has(w.folded) && nameCased(w)) {
      const end = Math.max(nameFrom(i + 1, true), i + 1);
      const inside = words.slice(i + 1, end).map((x) => x.folded);
      if (INSTITUTION_BEFORE.has(words[i - 1]?.folded ?? '') && /^\.?\s*$/.test(gapBefore(i))) continue;
      if (inside.some((x) => INSTITUTION_AFTER.has(x)) || (end > i + 1 && isStreet(end))) continue;
      if (AMBIGUOUS_GIVEN_NAMES.has(w.folded) && sentenceStart(i) && end === i + 1) continue;
      addSpan(i, end);
      i = end - 1;
      continue;
    }
    // 4. A listed surname with a capital ("bij Jansen", "Hoekstra weigert"); one that is also a word, or that comes with a particle, only as above.
    if (isPlainSurname(w)) addSpan(i, i + 1);
  }
}

// Findings -------------------------------------------------------------------------------------

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
