/**
 * The domain vocabulary shared by api and client. Dutch terms are in ../shared/BRIEF.md (glossary);
 * Dutch labels live in the client's translation files.
 */
/** GOVERNMENT (overheid): a municipality, whose users hold only the MUNICIPALITY role (issue #13, ADR 0019). */
export const ORGANISATION_KINDS = ['FORMAL', 'INFORMAL', 'HYBRID', 'GOVERNMENT'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const NETWORK_KINDS = ['OGGZ', 'NEIGHBOURHOOD'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const RINGS = ['CORE', 'SHELL'] as const;
export type Ring = (typeof RINGS)[number];

/**
 * Roles a user can hold in one network. GUEST (one meeting only) arrives with meetings. MUNICIPALITY
 * (gemeente, issue #13) sees the network's figures and nothing else: no ring, no membership, no row
 * in the covenant matrix (ADR 0019).
 */
export const NETWORK_ROLES = ['COORDINATOR', 'CORE_PARTNER', 'SHELL_PARTNER', 'VOLUNTEER_REP', 'MUNICIPALITY'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** The network roles that are covenant parties: every role but MUNICIPALITY. */
export type PartnerRole = Exclude<NetworkRole, 'MUNICIPALITY'>;

/** Organisation kinds that can carry actions and record a capacity (issue #13 item 6): volunteers' organisations. */
export const CAPACITY_KINDS: readonly OrganisationKind[] = ['INFORMAL', 'HYBRID'];

/** Every role the covenant matrix knows: the network roles plus a guest invited to one meeting. */
export const COVENANT_ROLES = ['COORDINATOR', 'CORE_PARTNER', 'SHELL_PARTNER', 'VOLUNTEER_REP', 'GUEST'] as const;
export type CovenantRole = (typeof COVENANT_ROLES)[number];

/** Whom the disclosure policy decides for: the covenant's roles, and the municipality (always HIDDEN). */
export type DisclosureRole = CovenantRole | 'MUNICIPALITY';

/** Where an identity is shown: during the meeting, on case pages and lists, in the minutes. */
export const DISCLOSURE_CONTEXTS = ['MEETING', 'DOSSIER', 'MINUTES'] as const;
export type DisclosureContext = (typeof DISCLOSURE_CONTEXTS)[number];

/** How much of a client's identity a viewer sees, most to least (BRIEF §4). */
export const DISCLOSURE_LEVELS = ['FULL', 'INITIALS', 'ADDRESS', 'PSEUDONYM', 'HIDDEN'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

export const PROBLEM_AREAS = [
  'HOUSING',
  'FINANCES',
  'PHYSICAL_HEALTH',
  'MENTAL_HEALTH',
  'ADDICTION',
  'SOCIAL_NETWORK',
  'SELF_CARE',
  'DOMESTIC_SAFETY',
  'NUISANCE',
  'DAILY_ACTIVITIES',
  'PARENTING',
] as const;
export type ProblemArea = (typeof PROBLEM_AREAS)[number];

export const URGENCIES = ['LOW', 'MEDIUM', 'HIGH', 'ACUTE'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CONSENTS = ['GIVEN', 'NOT_ASKED', 'REFUSED', 'OVERRIDE_OGGZ'] as const;
export type Consent = (typeof CONSENTS)[number];

export const CASE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'MONITORING', 'CLOSED', 'DECLINED', 'REFERRED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
