import { randomInt } from 'node:crypto';

/**
 * Pseudonyms are drawn at random from Dutch tree, plant and bird names: they say nothing about
 * the client (not their name, gender, age or origin) and are easy to say aloud in a meeting.
 */
export const PSEUDONYM_WORDS = [
  'Linde',
  'Eik',
  'Berk',
  'Wilg',
  'Els',
  'Es',
  'Beuk',
  'Hazelaar',
  'Lijsterbes',
  'Vlier',
  'Meidoorn',
  'Kastanje',
  'Populier',
  'Esdoorn',
  'Taxus',
  'Den',
  'Spar',
  'Lariks',
  'Iep',
  'Walnoot',
  'Hulst',
  'Klimop',
  'Heide',
  'Brem',
  'Lavendel',
  'Salie',
  'Tijm',
  'Kamille',
  'Klaver',
  'Madelief',
  'Korenbloem',
  'Vergeet-mij-niet',
  'Zonnebloem',
  'Merel',
  'Lijster',
  'Mees',
  'Vink',
  'Spreeuw',
  'Reiger',
  'Zwaluw',
  'Roodborst',
  'Winterkoning',
  'Kievit',
  'Grutto',
  'Tureluur',
  'Specht',
  'Uil',
  'Valk',
  'Buizerd',
  'Gors',
  'Putter',
  'Sijs',
  'Kneu',
  'Wulp',
  'Plevier',
  'IJsvogel',
  'Koekoek',
  'Nachtegaal',
  'Leeuwerik',
  'Kwikstaart',
  'Boomklever',
  'Goudhaan',
  'Fuut',
  'Meerkoet',
];

/** A pseudonym not yet used in the network; a number is added only when all words are taken. */
export function drawPseudonym(taken: Set<string>): string {
  const free = PSEUDONYM_WORDS.filter((word) => !taken.has(word));
  if (free.length > 0) return free[randomInt(free.length)];
  for (let n = 2; ; n++) {
    const candidate = `${PSEUDONYM_WORDS[randomInt(PSEUDONYM_WORDS.length)]} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
