import { BadRequestException, Injectable } from '@nestjs/common';
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { PASSWORD_MIN_LENGTH } from '@casustafel/contract/limits';

/** zxcvbn-ts score from which a password is accepted: 3, "safely unguessable" (about 10^8 guesses and more). */
export const MIN_SCORE = 3;

export const COMMON_PASSWORD = 'Dit wachtwoord staat in lijsten van veelgebruikte wachtwoorden.';

/** Why zxcvbn-ts finds a password weak (its warning key), in Dutch. */
const REASONS: Record<string, string> = {
  straightRow: 'Dit wachtwoord is een rij toetsen op het toetsenbord.',
  keyPattern: 'Dit wachtwoord is een patroon op het toetsenbord.',
  simpleRepeat: 'Dit wachtwoord herhaalt steeds dezelfde tekens.',
  extendedRepeat: 'Dit wachtwoord herhaalt steeds hetzelfde stukje.',
  sequences: 'Dit wachtwoord is een reeks, zoals abcd of 1234.',
  recentYears: 'Dit wachtwoord bevat een recent jaartal; dat is makkelijk te raden.',
  dates: 'Dit wachtwoord bevat een datum; die is makkelijk te raden.',
  topTen: COMMON_PASSWORD,
  topHundred: COMMON_PASSWORD,
  common: COMMON_PASSWORD,
  similarToCommon: COMMON_PASSWORD,
  pwned: COMMON_PASSWORD,
  wordByItself: 'Eén los woord is makkelijk te raden.',
  namesByThemselves: 'Namen zijn makkelijk te raden.',
  commonNames: 'Veelvoorkomende namen zijn makkelijk te raden.',
  userInputs: 'Dit wachtwoord lijkt op je naam, je e-mailadres of de naam Casustafel.',
};
const GENERIC = 'Dit wachtwoord is te makkelijk te raden.';
const ADVICE = 'Kies een langer wachtwoord, bijvoorbeeld een paar woorden die niet bij elkaar horen.';

/**
 * The strength rule for every password a person chooses (activation, change, reset): at least 12
 * characters and a zxcvbn-ts score of at least 3, measured against the common-password, English and
 * Dutch dictionaries and the user's own name, e-mail address and "casustafel" (ADR 0014).
 *
 * @zxcvbn-ts/language-nl-be 3.x works with core 4: only its word lists are used (plain string
 * arrays); its translations are not, the reasons below are our own.
 */
@Injectable()
export class PasswordPolicy {
  /** Built on first use: ranking the dictionaries takes a few hundred milliseconds. */
  private factory?: ZxcvbnFactory;

  /** The Dutch reason this password is refused, or null when it is strong enough. */
  weakness(password: string, person: { name: string; email: string }): string | null {
    if (password.length < PASSWORD_MIN_LENGTH) return `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben.`;
    const result = this.zxcvbn().check(password, userInputs(person));
    if (result.score >= MIN_SCORE) return null;
    return `${reasonOf(result)} ${ADVICE}`;
  }

  /** Throws 400 with the reason (also under `fields[field]`, for the form) when the password is too weak. */
  require(password: string, person: { name: string; email: string }, field = 'password'): void {
    const reason = this.weakness(password, person);
    if (reason) throw new BadRequestException({ statusCode: 400, message: reason, error: 'Bad Request', fields: { [field]: [reason] } });
  }

  /** zxcvbn-ts and its word lists are loaded here, not when the app starts: they take a few hundred milliseconds to load (issue #15). */
  private zxcvbn(): ZxcvbnFactory {
    if (this.factory) return this.factory;
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    const nl = require('@zxcvbn-ts/language-nl-be') as typeof import('@zxcvbn-ts/language-nl-be');
    this.factory = new ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
    });
    return this.factory;
  }
}

/** The name, its parts, the e-mail address, its local part and domain words, and the app's own name. */
function userInputs(person: { name: string; email: string }): string[] {
  const email = person.email.toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  return [person.name, ...person.name.split(/\s+/), email, local, ...local.split(/[._+-]+/), ...domain.split('.'), 'casustafel'].filter(
    (part) => part.length >= 3,
  );
}

function reasonOf(result: ZxcvbnResult): string {
  const warning = result.feedback.warning;
  if (warning && REASONS[warning]) return REASONS[warning];
  const fromCommonList = result.sequence.some(
    (match) => match.pattern === 'dictionary' && String((match as { dictionaryName?: string }).dictionaryName).startsWith('passwords'),
  );
  return fromCommonList ? COMMON_PASSWORD : GENERIC;
}
