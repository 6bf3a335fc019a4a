import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IdentifyingFinding, IdentifyingKind } from '@casustafel/contract/question-rules';
import { isBsn, isIban } from '@casustafel/contract/validators';
import { foldForMatch, normaliseForScan, scanIdentifyingData, type ScanOptions } from './identifying-data';
import {
  type Expected,
  KNOWN_FALSE_ALARMS,
  KNOWN_MISSES,
  MEETING_LOCATIONS,
  WITH_IDENTIFYING_DATA,
  WITHOUT_IDENTIFYING_DATA,
} from './identifying-data.corpus';

const NOW = new Date('2026-11-22T12:00:00Z');
const show = (text: string, findings: IdentifyingFinding[]) => findings.map((f) => [f.kind, text.slice(f.start, f.end)]);
const scan = (text: string, options?: ScanOptions) => show(text, scanIdentifyingData(text, NOW, options));

/** Where a cluster (a code point and its combining marks) that starts at `start` ends. */
const clusterEnd = (text: string, start: number) => start + (/^[\s\S]\p{M}*/u.exec(text.slice(start))?.[0].length ?? 0);

/** Strings full of what normalisation must handle, mixed with arbitrary code points. */
const TRICKY = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u00AD',
  '\uFEFF',
  '\u2060',
  '\u202E',
  '\uFE0F',
  '\u00A0',
  '\u202F',
  '\u2009',
  '\t',
  '\n',
  '\u2010',
  '\u2013',
  '\u2014',
  '\u2212',
  '\uFF10',
  '\uFF19',
  '\uFF21',
  '\uFB01',
  '\u{1D7CE}',
  'e\u0301',
  '\u0301',
  '\u0332',
  'a',
  'Z',
  '5',
  ' ',
  '-',
  '.',
  '@',
];
const trickyText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe(normaliseForScan.name, () => {
  it('drops zero-width and other format characters and maps each kept character to its place in the original', () => {
    const original = 'Yo\u200Blan\u00ADda\u2060 06\uFEFF12';
    const { text, map } = normaliseForScan(original);
    expect(text).toBe('Yolanda 0612');
    expect(map).toEqual([0, 1, 3, 4, 5, 7, 8, 10, 11, 12, 14, 15, 16]);
  });

  it('puts each cluster in NFKC: full-width and mathematical digits, ligatures, letters with a separate accent', () => {
    expect(normaliseForScan('\uFF10\uFF16-\u{1D7CF}\u{1D7D0} \uFB01ets Caf\u0065\u0301').text).toBe('06-12 fiets Café');
    const { text, map } = normaliseForScan('\uFB01e\u0301');
    expect(text).toBe('fié');
    expect(map).toEqual([0, 0, 1, 3]);
  });

  it('unifies dashes to "-" and space separators and tabs to " ", and keeps line breaks', () => {
    expect(normaliseForScan('06\u201012\u201334\u201456\u221278\u00A0a\u202Fb\u2009c\td\ne').text).toBe('06-12-34-56-78 a b c d\ne');
  });

  it('drops a combining mark on a digit and keeps one on a letter that has no precomposed form', () => {
    expect(normaliseForScan('0\u03326\u0332').text).toBe('06');
    expect(normaliseForScan('q\u0301').text).toBe('q\u0301');
  });

  it('maps every normalised character to the start of the cluster it came from, in order, ending with the original length', () => {
    fc.assert(
      fc.property(trickyText, (original) => {
        const { text, map } = normaliseForScan(original);
        expect(map).toHaveLength(text.length + 1);
        expect(map[text.length]).toBe(original.length);
        for (let i = 0; i < text.length; i++) {
          expect(map[i]).toBeLessThanOrEqual(map[i + 1]);
          expect(map[i]).toBeLessThan(original.length);
        }
        expect(text).not.toMatch(/[\p{Cf}\t]|(?! )\p{Zs}|(?!-)[\p{Pd}\u2212]/u);
      }),
    );
  });

  it('round-trips positions: the original slice under any cluster-aligned span normalises to that span', () => {
    fc.assert(
      fc.property(trickyText, fc.nat(), fc.nat(), (original, a, b) => {
        const { text, map } = normaliseForScan(original);
        const boundaries = [...Array(text.length + 1).keys()].filter((i) => i === 0 || i === text.length || map[i] !== map[i - 1]);
        const [s, e] = [boundaries[a % boundaries.length], boundaries[b % boundaries.length]].sort((x, y) => x - y);
        if (s === e) return;
        const slice = original.slice(map[s], clusterEnd(original, map[e - 1]));
        expect(normaliseForScan(slice).text).toBe(text.slice(s, e));
      }),
    );
  });
});

describe(foldForMatch.name, () => {
  it.each([
    ['Öztürk', 'ozturk'],
    ['YILMAZ', 'yilmaz'],
    ['Yılmaz', 'yilmaz'],
    ['Çelik', 'celik'],
    ['İbrahim', 'ibrahim'],
    ['Ｊａｎｓｅｎ', 'jansen'],
    ['Zoë', 'zoe'],
  ])('folds %s to %s', (word, folded) => expect(foldForMatch(word)).toBe(folded));
});

describe(scanIdentifyingData.name, () => {
  it('finds the example from the attacker’s report, in original positions', () => {
    const text = 'Yolanda Zwanenburg (Kanarieweg 78, 9999 ZY, tel 06-12345678) weigert elk contact';
    expect(scan(text)).toEqual([
      ['NAME', 'Yolanda Zwanenburg'],
      ['ADDRESS', 'Kanarieweg 78'],
      ['POSTCODE', '9999 ZY'],
      ['PHONE', '06-12345678'],
    ]);
  });

  it('keeps working for callers that pass no date or options', () => {
    expect(scanIdentifyingData('Bel 06-12345678.').map((f) => f.kind)).toEqual(['PHONE']);
  });

  it('with allowAddresses skips street and postcode only, and still finds everything else', () => {
    const text =
      'Mevrouw Jansen, Kerkstraat 5, 3812 AB, 06-12345678, j.jansen@voorbeeld.nl, BSN 111222333, NL91ABNA0417164300, geboren 12-03-1941';
    expect(scan(text).map(([kind]) => kind)).toEqual(['NAME', 'ADDRESS', 'POSTCODE', 'PHONE', 'EMAIL', 'BSN', 'IBAN', 'DATE_OF_BIRTH']);
    expect(scan(text, { allowAddresses: true }).map(([kind]) => kind)).toEqual(['NAME', 'PHONE', 'EMAIL', 'BSN', 'IBAN', 'DATE_OF_BIRTH']);
  });

  it('finds the same things, at the same characters, when invisible characters are slipped in anywhere', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u00AD', '\uFEFF', '\u2060');
    const positive = fc.constantFrom(...WITH_IDENTIFYING_DATA.map(([text]) => text).filter((text) => !text.includes('\u202E')));
    fc.assert(
      fc.property(positive, fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 8 }), (clean, inserts) => {
        let text = clean;
        for (const [at, ch] of inserts) {
          const cut = at % (text.length + 1);
          if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '') || /^\p{M}/u.test(text.slice(cut))) continue; // never inside a pair or before a mark
          text = text.slice(0, cut) + ch + text.slice(cut);
        }
        const strip = (s: string) => s.replace(/\u200B|\u200C|\u200D|\u00AD|\uFEFF|\u2060/g, '');
        const found = scan(text);
        expect(found.map(([kind, part]) => [kind, strip(part)])).toEqual(scan(clean).map(([kind, part]) => [kind, strip(part)]));
        // A finding starts and ends on a character the user can see.
        for (const [, part] of found) expect(strip(part.slice(0, 1)) + strip(part.slice(-1))).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and returns sorted spans inside the text, on any mix of words, names, numbers and tricks', () => {
    const token = fc.oneof(
      fc.constantFrom(
        'de',
        'van',
        'der',
        'het',
        "'t",
        'in',
        'op',
        'te',
        'De',
        'Van',
        'mevrouw',
        'meneer',
        'mw.',
        'dhr.',
        'zoon',
        'vrouw',
        'heet',
        'naam:',
        'geboren',
        'geb.',
        'BSN',
        'Casus 2026-014 ·',
      ),
      fc.constantFrom(
        'Jan',
        'jan',
        'Ben',
        'Jansen',
        'jansen',
        'Vries',
        'vries',
        'Bakker',
        'Maas',
        'Linde',
        'Els',
        'Kanarieweg',
        'kanarieweg',
        'Hof',
        'Johan',
        'Wittlaan',
        'Ziekenhuis',
        'Sint',
        'St.',
      ),
      fc.constantFrom(
        '06',
        '12345678',
        '3812',
        'AB',
        'qx',
        '78',
        '1941',
        '12-03-1941',
        '+31',
        '(0)',
        'NL91',
        'ABNA',
        '0417',
        '1643',
        '00',
        '111',
        '222',
        '333',
        '@',
        '[at]',
        'punt',
        'nl',
      ),
      fc.constantFrom(
        '.',
        ',',
        '-',
        '–',
        '(',
        ')',
        ':',
        '?',
        '\n',
        '\u200B',
        '\u00AD',
        '\u00A0',
        '\u202E',
        '\u202C',
        '\u0301',
        '\uFF10',
        'Ｊ',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const separator = fc.constantFrom(' ', '', ' ', '  ', '\t');
    const text = fc.array(fc.tuple(token, separator), { maxLength: 25 }).map((parts) => parts.map(([t, sep]) => t + sep).join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (input, allowAddresses) => {
        const findings = scanIdentifyingData(input, NOW, { allowAddresses });
        for (const f of findings) {
          expect(0 <= f.start && f.start < f.end && f.end <= input.length).toBe(true);
        }
        expect(findings.map((f) => f.start)).toEqual([...findings.map((f) => f.start)].sort((a, b) => a - b));
      }),
      { numRuns: 3000 },
    );
  });

  it('never logs or echoes: findings hold kind and positions only', () => {
    const [finding] = scanIdentifyingData('Bel 06-12345678.', NOW);
    expect(Object.keys(finding).sort()).toEqual(['end', 'kind', 'start']);
  });
});

describe('the corpus', () => {
  it('ships at least 150 texts with and 150 without identifying data', () => {
    expect(WITH_IDENTIFYING_DATA.length).toBeGreaterThanOrEqual(150);
    expect(WITHOUT_IDENTIFYING_DATA.length).toBeGreaterThanOrEqual(150);
  });

  it('has no text twice', () => {
    const all = [
      ...WITH_IDENTIFYING_DATA.map(([t]) => t),
      ...WITHOUT_IDENTIFYING_DATA,
      ...MEETING_LOCATIONS.map(([t]) => t),
      ...KNOWN_MISSES.map((k) => k.text),
      ...KNOWN_FALSE_ALARMS.map((k) => k.text),
    ];
    expect(all.filter((t, i) => all.indexOf(t) !== i)).toEqual([]);
  });

  it.each(WITH_IDENTIFYING_DATA)('finds exactly what identifies in: %s', (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it.each(WITHOUT_IDENTIFYING_DATA)('finds nothing in: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it.each(MEETING_LOCATIONS)('in a meeting location, finds exactly what identifies beside the address in: %s', (text, expected) => {
    expect(scan(text, { allowAddresses: true })).toEqual(expected);
  });

  it.each(KNOWN_MISSES.map((k) => [k.text, k.expected] as const))(
    'still misses part of: %s (move it to WITH_IDENTIFYING_DATA once found)',
    (text, expected) => {
      expect(scan(text)).not.toEqual(expected);
    },
  );

  it.each(KNOWN_FALSE_ALARMS.map((k) => [k.text, k.found] as const))(
    'still flags: %s (move it to WITHOUT_IDENTIFYING_DATA once it passes)',
    (text, found) => {
      expect(scan(text)).toEqual(found);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Precision and recall over the corpus, recorded in docs/identifying-data-guard.md
// ---------------------------------------------------------------------------------------------

interface Sample {
  text: string;
  expected: Expected;
  options?: ScanOptions;
}

const SAMPLES: Sample[] = [
  ...WITH_IDENTIFYING_DATA.map(([text, expected]) => ({ text, expected })),
  ...WITHOUT_IDENTIFYING_DATA.map((text) => ({ text, expected: [] as Expected })),
  ...MEETING_LOCATIONS.map(([text, expected]) => ({ text, expected, options: { allowAddresses: true } })),
  ...KNOWN_MISSES.map(({ text, expected }) => ({ text, expected })),
  ...KNOWN_FALSE_ALARMS.map(({ text }) => ({ text, expected: [] as Expected })),
];

/** Text level: is a text with identifying data refused, and one without let through? Finding level: is each expected item found, with the right kind? */
function measure(samples: Sample[], detect: (text: string, options?: ScanOptions) => IdentifyingFinding[]) {
  const texts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  const items = { expected: 0, matched: 0, findings: 0, correct: 0, exact: 0 };
  const kinds = new Map<IdentifyingKind, { expected: number; matched: number }>();
  for (const { text, expected, options } of samples) {
    const findings = detect(text, options);
    if (expected.length > 0) texts[findings.length > 0 ? 'tp' : 'fn']++;
    else texts[findings.length > 0 ? 'fp' : 'tn']++;
    let from = 0;
    const spans = expected.map(([kind, part]) => {
      const start = text.indexOf(part, from);
      if (start < 0) throw new Error(`corpus: "${part}" does not occur in "${text}"`);
      from = start + part.length;
      return { kind, start, end: start + part.length };
    });
    const overlap = (a: { kind: string; start: number; end: number }, b: { kind: string; start: number; end: number }) =>
      a.kind === b.kind && a.start < b.end && b.start < a.end;
    for (const span of spans) {
      const kind = kinds.get(span.kind) ?? { expected: 0, matched: 0 };
      kinds.set(span.kind, kind);
      items.expected++;
      kind.expected++;
      if (findings.some((f) => overlap(f, span))) {
        items.matched++;
        kind.matched++;
      }
      if (findings.some((f) => f.kind === span.kind && f.start === span.start && f.end === span.end)) items.exact++;
    }
    items.findings += findings.length;
    items.correct += findings.filter((f) => spans.some((span) => overlap(f, span))).length;
  }
  return { texts, items, kinds };
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

function figuresTable(): string {
  const { texts, items, kinds } = measure(SAMPLES, (text, options) => scanIdentifyingData(text, NOW, options));
  const positives = texts.tp + texts.fn;
  const negatives = texts.fp + texts.tn;
  const lines = [
    `Corpus: ${positives} texts with identifying data (${WITH_IDENTIFYING_DATA.length} general, ${MEETING_LOCATIONS.filter(([, e]) => e.length).length} meeting locations, ${KNOWN_MISSES.length} known misses) and ${negatives} without (${WITHOUT_IDENTIFYING_DATA.length} general, ${MEETING_LOCATIONS.filter(([, e]) => !e.length).length} meeting locations with an allowed address, ${KNOWN_FALSE_ALARMS.length} known false alarms).`,
    '',
    '| measure | value |',
    '|---|---|',
    `| texts refused that hold identifying data (true positives) | ${texts.tp} |`,
    `| texts let through that hold identifying data (misses) | ${texts.fn} |`,
    `| texts refused that hold none (false alarms) | ${texts.fp} |`,
    `| texts let through that hold none | ${texts.tn} |`,
    `| **precision per text** (refused texts that should be) | **${percent(texts.tp, texts.tp + texts.fp)}** |`,
    `| **recall per text** (texts with identifying data that are refused) | **${percent(texts.tp, positives)}** |`,
    `| recall per item (${items.expected} expected items found with the right kind) | ${percent(items.matched, items.expected)} |`,
    `| precision per finding (${items.findings} findings that overlap an expected item of their kind) | ${percent(items.correct, items.findings)} |`,
    `| items found with exactly the expected span | ${percent(items.exact, items.expected)} |`,
    '',
    '| kind | expected items | found | recall |',
    '|---|---|---|---|',
    ...[...kinds.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, k]) => `| ${kind} | ${k.expected} | ${k.matched} | ${percent(k.matched, k.expected)} |`),
    '',
    'Known misses (counted above):',
    '',
    ...KNOWN_MISSES.map((k) => `- ${JSON.stringify(k.text)}: ${k.reason}`),
    '',
    'Known false alarms (counted above):',
    '',
    ...KNOWN_FALSE_ALARMS.map((k) => `- ${JSON.stringify(k.text)}: ${k.reason}`),
  ];
  return lines.join('\n');
}

const DOC = join(__dirname, '../../../docs/identifying-data-guard.md');
const BEGIN = '<!-- figures:begin (generated by api/src/privacy/identifying-data.spec.ts) -->';
const END = '<!-- figures:end -->';

describe('precision and recall in docs/identifying-data-guard.md', () => {
  it('are the figures the corpus gives today (UPDATE_GUARD_FIGURES=1 rewrites them)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(BEGIN);
    expect(rest).toBeDefined();
    const after = rest.slice(rest.indexOf(END));
    const current = `${before}${BEGIN}\n${figuresTable()}\n${after}`;
    if (process.env['UPDATE_GUARD_FIGURES'] === '1' && doc !== current) {
      writeFileSync(DOC, current);
      console.log(`Rewrote the figures in ${DOC}:\n${figuresTable()}`);
      return;
    }
    expect(doc).toBe(current);
  });

  it('counts a miss and a false alarm as such', () => {
    const { texts, items } = measure(
      [
        { text: 'Bel 06-12345678.', expected: [['PHONE', '06-12345678']] },
        { text: 'Zwanenburg weigert.', expected: [['NAME', 'Zwanenburg']] },
        { text: 'Niets hier.', expected: [] },
        { text: 'In 3812 AB niets.', expected: [] },
      ],
      (text) => scanIdentifyingData(text, NOW),
    );
    expect(texts).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
    expect(items).toEqual({ expected: 2, matched: 1, findings: 2, correct: 1, exact: 1 });
  });
});

describe('BSN 11-test and IBAN checksum', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts the valid BSN %s', (bsn) => expect(isBsn(bsn)).toBe(true));
  it.each(['111222334', '123456789', '000000000', '12345678'])('rejects %s', (bsn) => expect(isBsn(bsn)).toBe(false));
  it.each(['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'DE89370400440532013000', 'BE68539007547034'])(
    'accepts the valid IBAN %s',
    (iban) => expect(isIban(iban)).toBe(true),
  );
  it.each(['NL92ABNA0417164300', 'NL91ABNA0417164301', 'XX00', 'NL91ABNA04171643000', 'ZZ22ABNA0417164300'])('rejects %s', (iban) =>
    expect(isIban(iban)).toBe(false),
  );
  it('does not take a valid-looking nine-digit number that fails the 11-test for a BSN', () => {
    expect(scanIdentifyingData('Ordernummer 123456789 van de bezorging.', NOW)).toEqual([]);
  });
});
