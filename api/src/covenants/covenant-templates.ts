import type { DisclosureMatrix } from '@casustafel/contract/covenant';
import type { NetworkKind } from '@casustafel/contract/enums';

/**
 * The covenant a new network starts from (documented in docs/privacy-model.md). An OGGZ network
 * is stricter towards the shell and volunteer organisations than a neighbourhood network: its cases
 * are acute and may be handled without consent.
 */
export const COVENANT_TEMPLATES: Record<
  NetworkKind,
  { levels: DisclosureMatrix; retentionMonths: number; anonymousQuestionSubmitter: boolean }
> = {
  NEIGHBOURHOOD: {
    levels: {
      COORDINATOR: { MEETING: 'FULL', DOSSIER: 'FULL', MINUTES: 'INITIALS' },
      CORE_PARTNER: { MEETING: 'FULL', DOSSIER: 'INITIALS', MINUTES: 'INITIALS' },
      SHELL_PARTNER: { MEETING: 'INITIALS', DOSSIER: 'PSEUDONYM', MINUTES: 'PSEUDONYM' },
      VOLUNTEER_REP: { MEETING: 'INITIALS', DOSSIER: 'PSEUDONYM', MINUTES: 'PSEUDONYM' },
      GUEST: { MEETING: 'INITIALS', DOSSIER: 'HIDDEN', MINUTES: 'HIDDEN' },
    },
    retentionMonths: 24,
    anonymousQuestionSubmitter: true,
  },
  OGGZ: {
    levels: {
      COORDINATOR: { MEETING: 'FULL', DOSSIER: 'FULL', MINUTES: 'INITIALS' },
      CORE_PARTNER: { MEETING: 'FULL', DOSSIER: 'INITIALS', MINUTES: 'INITIALS' },
      SHELL_PARTNER: { MEETING: 'ADDRESS', DOSSIER: 'HIDDEN', MINUTES: 'PSEUDONYM' },
      VOLUNTEER_REP: { MEETING: 'PSEUDONYM', DOSSIER: 'HIDDEN', MINUTES: 'HIDDEN' },
      GUEST: { MEETING: 'INITIALS', DOSSIER: 'HIDDEN', MINUTES: 'HIDDEN' },
    },
    retentionMonths: 24,
    anonymousQuestionSubmitter: false,
  },
};

export const DEFAULT_CONFIDENTIALITY_STATEMENT =
  'Ik verklaar dat ik alle persoonsgegevens die ik in dit netwerk te zien of te horen krijg vertrouwelijk behandel. ' +
  'Ik gebruik ze alleen om de betrokken cliënt te helpen, deel ze niet met anderen dan de partners die het ' +
  'privacyconvenant ondertekenden, en bewaar geen kopieën buiten Casustafel. Deze verklaring geldt twaalf maanden.';
