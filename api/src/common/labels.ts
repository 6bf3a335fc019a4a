import type { AccessAction } from '@casustafel/contract/access-log-rules';
import type {
  CaseStatus,
  CovenantRole,
  DisclosureContext,
  DisclosureLevel,
  OrganisationKind,
  ProblemArea,
  Ring,
  Urgency,
} from '@casustafel/contract/enums';
import type { ActionStatus, AttendanceStatus, MeetingStatus } from '@casustafel/contract/meeting-rules';
import type { IdentifyingKind, Recommendation, Severity } from '@casustafel/contract/question-rules';

/**
 * The Dutch words the server writes for the contract's codes: in PDFs, the CSV export, the drafted
 * minutes and its messages (ADR 0011: server text is Dutch). One place, so that a status reads the
 * same in every output. The client has its own words in `client/src/app/i18n/` (nl and en).
 */

/** The word for a code, or the code itself for one without a word (never an empty cell). */
export function labelOf<K extends string>(labels: Partial<Record<K, string>>, code: string): string {
  return (labels as Partial<Record<string, string>>)[code] ?? code;
}

// Cases, meetings, actions, questions.

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  SUBMITTED: 'ingediend',
  ACCEPTED: 'geaccepteerd',
  MONITORING: 'vinger aan de pols',
  CLOSED: 'afgesloten',
  DECLINED: 'afgewezen',
  REFERRED: 'doorverwezen',
};

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  OPEN: 'open',
  IN_PROGRESS: 'mee bezig',
  DONE: 'gedaan',
  NOT_DONE: 'niet gedaan',
  CANCELLED: 'vervallen',
};

export const ATTENDANCE_LABEL: Record<AttendanceStatus, string> = { PRESENT: 'aanwezig', ABSENT: 'afwezig', EXCUSED: 'afgemeld' };

/** As in "het overleg is nog gepland". */
export const MEETING_STATUS_PHRASE: Record<MeetingStatus, string> = {
  PLANNED: 'nog gepland',
  IN_PROGRESS: 'bezig',
  CLOSED: 'gesloten',
  CANCELLED: 'geannuleerd',
};

export const SEVERITY_LABEL: Record<Severity, string> = { LOW: 'laag', MEDIUM: 'gemiddeld', HIGH: 'hoog', ACUTE: 'acuut' };

export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  NO_ACTION: 'geen actie nodig',
  ADVICE_ONLY: 'alleen advies',
  BRING_IN_AS_CASE_WITH_CONSENT: 'met toestemming inbrengen als casus',
  REFER_TO_OGGZ_REPORTING_POINT: 'melden bij het OGGZ-meldpunt',
  REFER_ELSEWHERE: 'doorverwijzen',
};

// The disclosure policy's explanations ("Waarom zie ik dit?").

export const ROLE_PLURAL: Record<CovenantRole, string> = {
  COORDINATOR: 'coördinatoren',
  CORE_PARTNER: 'kernpartners',
  SHELL_PARTNER: 'schilpartners',
  VOLUNTEER_REP: 'vertegenwoordigers van vrijwilligersorganisaties',
  GUEST: 'gasten',
};

export const CONTEXT_PHRASE: Record<DisclosureContext, string> = {
  MEETING: 'tijdens het overleg',
  DOSSIER: 'op casuspagina’s en in lijsten',
  MINUTES: 'in het verslag',
};

export const LEVEL_PHRASE: Record<DisclosureLevel, string> = {
  FULL: 'naam, geboortedatum, adres en telefoon',
  INITIALS: 'initialen, geboortejaar en buurt',
  ADDRESS: 'alleen postcode, huisnummer en buurt',
  PSEUDONYM: 'alleen het pseudoniem en de buurt',
  HIDDEN: 'niets',
};

// The access report (inzageoverzicht): what happened, at which level.

export const ACCESS_ACTION_LABEL: Partial<Record<AccessAction, string>> = {
  LIST: 'in een lijst gezien',
  VIEW: 'casuspagina geopend',
  SEARCH: 'gevonden met zoeken',
  CREATE: 'casus ingebracht',
  UPDATE: 'casus gewijzigd',
  EXPORT: 'geëxporteerd',
  ERASE: 'identiteit gewist (bewaartermijn)',
  TEXT_REFUSED: 'tekst met cliëntgegevens geweigerd',
  REFER: 'doorverwezen naar een ander netwerk (voorstel)',
  REFER_DECLINE: 'doorverwijzing afgewezen',
  TRANSFER: 'overgedragen aan een ander netwerk',
  KNOWN_ELSEWHERE: 'gevraagd: bekend in een ander netwerk?',
};

/** Only levels that are logged (HIDDEN is never disclosed). */
export const LEVEL_LABEL: Partial<Record<DisclosureLevel, string>> = {
  FULL: 'volledig',
  INITIALS: 'initialen',
  ADDRESS: 'postcode en huisnummer',
  PSEUDONYM: 'pseudoniem',
};

// The identity guard's refusals: what it found, in general and of one of the network's clients.

export const IDENTIFYING_KIND_PHRASE: Record<IdentifyingKind, string> = {
  NAME: 'een naam',
  ADDRESS: 'een straat met huisnummer',
  POSTCODE: 'een postcode',
  PHONE: 'een telefoonnummer',
  EMAIL: 'een e-mailadres',
  BSN: 'een BSN',
  IBAN: 'een bankrekeningnummer',
  DATE_OF_BIRTH: 'een geboortedatum',
};

export const CLIENT_IDENTIFYING_KIND_PHRASE: Record<IdentifyingKind, string> = {
  ...IDENTIFYING_KIND_PHRASE,
  NAME: 'de achternaam',
  ADDRESS: 'de straat',
  POSTCODE: 'de postcode',
  PHONE: 'het telefoonnummer',
  DATE_OF_BIRTH: 'de geboortedatum',
};

// The network's figures (issue #13): the rows of its breakdowns, in the page's, the CSV's and the PDF's words.

export const PROBLEM_AREA_LABEL: Record<ProblemArea, string> = {
  HOUSING: 'Wonen',
  FINANCES: 'Financiën',
  PHYSICAL_HEALTH: 'Lichamelijke gezondheid',
  MENTAL_HEALTH: 'Psychische gezondheid',
  ADDICTION: 'Verslaving',
  SOCIAL_NETWORK: 'Sociaal netwerk',
  SELF_CARE: 'Zelfzorg',
  DOMESTIC_SAFETY: 'Huiselijke veiligheid',
  NUISANCE: 'Overlast',
  DAILY_ACTIVITIES: 'Dagbesteding',
  PARENTING: 'Opvoeding',
};

export const URGENCY_LABEL: Record<Urgency, string> = { LOW: 'Laag', MEDIUM: 'Gemiddeld', HIGH: 'Hoog', ACUTE: 'Acuut' };

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  FORMAL: 'Formeel',
  INFORMAL: 'Informeel',
  HYBRID: 'Hybride',
  GOVERNMENT: 'Overheid',
};

export const RING_LABEL: Record<Ring, string> = { CORE: 'kern', SHELL: 'schil' };

export const SOURCE_LABEL = {
  INTAKE: 'Aangemeld door een lid',
  QUESTION: 'Omgezet consultatieve vraag',
  REFERRAL: 'Overgenomen uit een ander netwerk',
} as const;

export const OUTCOME_LABEL = {
  DONE: 'Uitgevoerd',
  NOT_DONE_CIRCUMSTANCES_CHANGED: 'Niet uitgevoerd: omstandigheden veranderd',
  NOT_DONE_NOT_CARRIED_OUT: 'Niet uitgevoerd: niet gedaan',
  OVERDUE: 'Open en te laat aan het eind van de periode',
  OPEN: 'Open, nog op tijd',
  CANCELLED: 'Vervallen',
} as const;

export const SECTION_LABEL = {
  cases: 'Casussen',
  actions: 'Acties',
  questions: 'Consultatieve vragen',
  meetings: 'Overleggen',
} as const;
