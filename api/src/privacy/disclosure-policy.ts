import type { DisclosureMatrix } from '@casustafel/contract/covenant';
import {
  DISCLOSURE_LEVELS,
  type Consent,
  type DisclosureContext,
  type DisclosureRole,
  type DisclosureLevel,
} from '@casustafel/contract/enums';
import { CONTEXT_PHRASE, LEVEL_PHRASE, ROLE_PLURAL } from '../common/labels';

/** Everything the policy needs to know; gathered by DisclosureService, decided here. */
export interface DisclosureFacts {
  context: DisclosureContext;
  /** The viewer's role in the case's network; null when not a member (administrators included). */
  role: DisclosureRole | null;
  matrix: DisclosureMatrix;
  covenantVersion: number;
  isSubmitter: boolean;
  /** The viewer works for the organisation that brought the case in. */
  isSubmittingOrganisation: boolean;
  /** The viewer's organisation holds an open action on the case. */
  holdsOpenAction: boolean;
  consent: Consent;
  consentOverrideReason: string | null;
  confidentialityValid: boolean;
  identityErased: boolean;
}

export interface Disclosure {
  level: DisclosureLevel;
  /** Dutch: why this level, for "Waarom zie ik dit?". */
  explanation: string;
}

const rank = (level: DisclosureLevel): number => DISCLOSURE_LEVELS.length - 1 - DISCLOSURE_LEVELS.indexOf(level);
const atLeast = (level: DisclosureLevel, floor: DisclosureLevel): DisclosureLevel => (rank(level) >= rank(floor) ? level : floor);
const atMost = (level: DisclosureLevel, cap: DisclosureLevel): DisclosureLevel => (rank(level) <= rank(cap) ? level : cap);

/**
 * THE disclosure policy (BRIEF §4, issue #3): which level of a client's identity a viewer sees in a
 * context. Every response, PDF, export and search result goes through this one function. Rules in order:
 * 1. not a member of the network → HIDDEN (the case does not exist for them); the municipality, which
 *    is no covenant party and has no row in the matrix, → HIDDEN too, in every context (ADR 0019);
 * 2. the covenant matrix for role × context;
 * 3. the submitter sees FULL in DOSSIER; others of the submitting organisation at least the pseudonym
 *    there (so that they see status and outcome: the feedback loop);
 * 4. an organisation with an open action on the case sees at least ADDRESS in DOSSIER;
 * 5. without consent (NOT_ASKED, REFUSED; OVERRIDE_OGGZ without reason) everyone but the coordinator
 *    and the submitter is capped at PSEUDONYM;
 * 6. without a valid confidentiality acceptance: at most PSEUDONYM;
 * 7. an erased identity (or none: a case taken over from another network without consent, issue #14): at most PSEUDONYM for everyone.
 */
export function decideDisclosure(f: DisclosureFacts): Disclosure {
  if (f.role === null) return { level: 'HIDDEN', explanation: 'Je bent geen lid van dit netwerk.' };
  if (f.role === 'MUNICIPALITY')
    return { level: 'HIDDEN', explanation: 'De gemeente ziet alleen de cijfers van het netwerk, geen casussen.' };

  let level = f.matrix[f.role][f.context];
  const reasons = [
    `Het privacyconvenant (versie ${f.covenantVersion}) geeft ${ROLE_PLURAL[f.role]} ${CONTEXT_PHRASE[f.context]}: ${LEVEL_PHRASE[level]}.`,
  ];

  if (f.context === 'DOSSIER') {
    if (f.isSubmitter && level !== 'FULL') {
      level = 'FULL';
      reasons.push('Jij hebt deze casus ingebracht, dus je ziet de volledige gegevens.');
    } else if (f.isSubmittingOrganisation && level === 'HIDDEN') {
      level = 'PSEUDONYM';
      reasons.push('Jouw organisatie heeft deze casus ingebracht, dus je ziet de status en de uitkomst onder het pseudoniem.');
    }
    if (f.holdsOpenAction && rank(level) < rank('ADDRESS')) {
      level = atLeast(level, 'ADDRESS');
      reasons.push('Jouw organisatie heeft een open actiepunt bij deze casus, dus je ziet minstens postcode en huisnummer.');
    }
  }

  const consentMissing =
    f.consent === 'NOT_ASKED' || f.consent === 'REFUSED' || (f.consent === 'OVERRIDE_OGGZ' && !f.consentOverrideReason);
  if (consentMissing && f.role !== 'COORDINATOR' && !f.isSubmitter && rank(level) > rank('PSEUDONYM')) {
    level = atMost(level, 'PSEUDONYM');
    reasons.push(
      f.consent === 'REFUSED'
        ? 'De cliënt heeft geen toestemming gegeven, dus je ziet alleen het pseudoniem.'
        : 'Er is (nog) geen toestemming van de cliënt, dus je ziet alleen het pseudoniem.',
    );
  }
  if (!f.confidentialityValid && rank(level) > rank('PSEUDONYM')) {
    level = atMost(level, 'PSEUDONYM');
    reasons.push(
      'Je hebt de geheimhoudingsverklaring van dit netwerk nog niet (of niet in de afgelopen 12 maanden) geaccepteerd, dus je ziet alleen het pseudoniem.',
    );
  }
  if (f.identityErased && rank(level) > rank('PSEUDONYM')) {
    level = atMost(level, 'PSEUDONYM');
    reasons.push(
      'Bij deze casus is geen identiteit (meer) bewaard: de bewaartermijn is verstreken, of de casus is zonder toestemming uit een ander netwerk overgenomen.',
    );
  }
  return { level, explanation: reasons.join(' ') };
}

/**
 * The reader's own level in a context, before any case: what the covenant gives their role there,
 * capped by their confidentiality acceptance. It is the level of a case that neither raises nor
 * lowers it — consent given, not theirs, no open action of theirs, identity kept — so a real case
 * may show less (no consent, erased identity) and, in DOSSIER only, more (their own case, their action).
 * The minutes print it as the level they were made for.
 */
export function readerLevel(viewer: ViewerSide): Disclosure {
  return decideDisclosure({ ...viewer, ...NEUTRAL_CASE });
}

/** What the policy decides on about one case; the rest of DisclosureFacts is the viewer's standing in the network. */
export type CaseSide = Pick<
  DisclosureFacts,
  'isSubmitter' | 'isSubmittingOrganisation' | 'holdsOpenAction' | 'consent' | 'consentOverrideReason' | 'identityErased'
>;
export type ViewerSide = Omit<DisclosureFacts, keyof CaseSide>;

/** A case that moves no rule: consent given, not the viewer's, no open action of the viewer's organisation, identity kept. */
const NEUTRAL_CASE: CaseSide = {
  isSubmitter: false,
  isSubmittingOrganisation: false,
  holdsOpenAction: false,
  consent: 'GIVEN',
  consentOverrideReason: null,
  identityErased: false,
};

/** The kinds of consent the policy tells apart, in the order of their number: an OGGZ override counts only with its reason. */
export const CONSENT_KINDS: readonly Pick<CaseSide, 'consent' | 'consentOverrideReason'>[] = [
  { consent: 'GIVEN', consentOverrideReason: null },
  { consent: 'NOT_ASKED', consentOverrideReason: null },
  { consent: 'REFUSED', consentOverrideReason: null },
  { consent: 'OVERRIDE_OGGZ', consentOverrideReason: 'met reden' },
  { consent: 'OVERRIDE_OGGZ', consentOverrideReason: null },
];

/**
 * Every kind of case the policy tells apart, numbered: 1 submitted by the viewer, 2 by the viewer's
 * organisation, 4 an open action of the viewer's organisation, 8 identity erased, plus 16 × the
 * consent kind. A list query computes the same number for each row (cases/case-kind.ts) and keeps
 * the numbers whose level it needs, so that SQL filters by the policy without deciding a level itself.
 */
export function caseKinds(): { kind: number; facts: CaseSide }[] {
  return CONSENT_KINDS.flatMap((consent, c) =>
    Array.from({ length: 16 }, (_, bits) => ({
      kind: c * 16 + bits,
      facts: {
        isSubmitter: (bits & 1) !== 0,
        isSubmittingOrganisation: (bits & 2) !== 0,
        holdsOpenAction: (bits & 4) !== 0,
        identityErased: (bits & 8) !== 0,
        ...consent,
      },
    })),
  );
}

/** Levels by kind for the standings seen lately: deciding all 80 kinds (with their explanations) costs about a millisecond. */
const LEVELS_SEEN = new Map<string, ReadonlyMap<number, DisclosureLevel>>();
const LEVELS_KEPT = 1_000;

/** The level the policy gives this viewer for each kind of case (caseKinds()). */
export function levelsByCaseKind(viewer: ViewerSide): Map<number, DisclosureLevel> {
  // Everything the decision reads of the viewer's side is in the key, so a kept answer is the answer.
  const key = JSON.stringify([viewer.context, viewer.role, viewer.covenantVersion, viewer.confidentialityValid, viewer.matrix]);
  let levels = LEVELS_SEEN.get(key);
  if (!levels) {
    levels = new Map(caseKinds().map(({ kind, facts }) => [kind, decideDisclosure({ ...viewer, ...facts }).level]));
    if (LEVELS_SEEN.size >= LEVELS_KEPT) LEVELS_SEEN.clear();
    LEVELS_SEEN.set(key, levels);
  }
  return new Map(levels);
}
