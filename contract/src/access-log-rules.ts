import { DISCLOSURE_CONTEXTS, type CovenantRole, type DisclosureContext } from './enums';

// The access log's vocabulary, without validation decorators, so that the client can import it.

/** Looks at, and changes to, client data (NEN 7513 "gebeurtenis"). */
export const DISCLOSURE_ACTIONS = [
  'LIST',
  'VIEW',
  'SEARCH',
  'CREATE',
  'UPDATE',
  'EXPORT',
  'ERASE',
  'TEXT_REFUSED',
  // Between networks (issue #14): a referral sent or received, declined, the handover on acceptance, and "known elsewhere?".
  'REFER',
  'REFER_DECLINE',
  'TRANSFER',
  'KNOWN_ELSEWHERE',
] as const;
/** Changes to who may see what: memberships, roles, the covenant, confidentiality, accounts. */
export const ACCESS_CHANGE_ACTIONS = [
  'ROLE_GRANT',
  'ROLE_REVOKE',
  'MEMBER_ADD',
  'MEMBER_REMOVE',
  'COVENANT_CHANGE',
  'COVENANT_SIGNATURE',
  'CONFIDENTIALITY_ACCEPT',
  'USER_DEACTIVATE',
  'USER_REACTIVATE',
  'ROLES_CONFIRM',
  'MFA_RESET',
] as const;
export const ACCESS_ACTIONS = [...DISCLOSURE_ACTIONS, ...ACCESS_CHANGE_ACTIONS] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
export type AccessChangeAction = (typeof ACCESS_CHANGE_ACTIONS)[number];
// Spelled as a union of the parts (the same type) so that the response schemas can be generated from it (ADR 10).
export type AccessAction = DisclosureAction | AccessChangeAction;

/** Whether the attempt succeeded. Entries written before NEN 7513 fields existed hold 'OK', shown as SUCCESS. */
export const ACCESS_OUTCOMES = ['SUCCESS', 'DENIED'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/** What the entry is about (NEN 7513 "object"). */
export const ACCESS_OBJECT_TYPES = [
  'CASE',
  'QUESTION',
  'MEETING',
  'MINUTES',
  'ACTION',
  'NETWORK',
  'COVENANT',
  'USER',
  'ORGANISATION',
  'REFERRAL',
] as const;
export type AccessObjectType = (typeof ACCESS_OBJECT_TYPES)[number];

/** Purpose of use: a disclosure context, or managing the network (access changes). */
export const ACCESS_CONTEXTS = [...DISCLOSURE_CONTEXTS, 'MANAGEMENT'] as const;
export type AccessContext = DisclosureContext | 'MANAGEMENT';

/** Role of whoever acted: a covenant role in the network, the municipality (its refused attempts), or the installation's administrator. */
export type AccessActorRole = CovenantRole | 'MUNICIPALITY' | 'ADMIN';

export const ACCESS_LOG_PAGE_SIZE = 200;
export const ACCESS_LOG_MAX_PAGE_SIZE = 1000;
