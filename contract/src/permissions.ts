import type { CovenantRole } from './enums';

/**
 * The access vocabulary (issue #10): what someone may do, and one table from role to permission.
 * The API enforces it — every route declares its permission, one guard checks the role, services
 * check the conditions — and the client derives its `can*` flags from the same table, so that the
 * two cannot disagree. What a viewer may SEE of a client is not decided here but by the disclosure
 * policy (privacy/disclosure-policy.ts); this table decides what they may DO.
 */
export const PERMISSIONS = [
  // the account itself, and what any signed-in user has
  'account.read',
  'account.manage',
  'calendar.subscribe',
  // installation management (the administrator)
  'organisation.list',
  'organisation.manage',
  'user.manage',
  'network.create',
  // a network
  'network.list',
  'network.read',
  'network.members',
  'network.capacity',
  'network.manage',
  'network.reviewRoles',
  'network.overview',
  'network.figures',
  'covenant.read',
  'covenant.edit',
  'covenant.sign',
  'confidentiality.accept',
  'accessLog.read',
  // cases
  'case.list',
  'case.read',
  'case.create',
  'case.updateStatus',
  'case.accessReport',
  // between networks (issue #14): a warm handover, and "known in another network?"
  'case.refer',
  'referral.read',
  'referral.decide',
  'case.knownElsewhere',
  // consultative questions
  'question.list',
  'question.read',
  'question.create',
  'question.scan',
  'question.answer',
  'question.message',
  'question.withdraw',
  'question.convert',
  // meetings and actions
  'meeting.list',
  'meeting.read',
  'meeting.plan',
  'meeting.run',
  'meeting.cancel',
  'action.list',
  'action.update',
  'action.correct',
  'action.export',
  // minutes
  'minutes.read',
  'minutes.edit',
  'minutes.comment',
  'minutes.approve',
  'minutes.addendum',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who acts: the installation's administrator, or someone by their role in the network (or meeting)
 * concerned — a covenant role, or the municipality, which is no covenant party (ADR 0019).
 */
export type AccessRole = 'ADMIN' | CovenantRole | 'MUNICIPALITY';
export const ACCESS_ROLES: readonly AccessRole[] = [
  'ADMIN',
  'COORDINATOR',
  'CORE_PARTNER',
  'SHELL_PARTNER',
  'VOLUNTEER_REP',
  'GUEST',
  'MUNICIPALITY',
];

/**
 * A grant that holds only under a condition about the record, checked where the record is known:
 * - `ownOrganisation`: the viewer's organisation owns the record (an action) or is the member concerned (its capacity);
 * - `submittingOrganisation`: the viewer's organisation brought it in (a question);
 * - `present`: the viewer's organisation was present at the meeting;
 * - `approvedOrPresentWhenSent`: the minutes were approved, or sent and the viewer's organisation was present;
 * - `invited`: the viewer is a guest of this meeting (its invited items only).
 */
export const CONDITIONS = ['ownOrganisation', 'submittingOrganisation', 'present', 'approvedOrPresentWhenSent', 'invited'] as const;
export type Condition = (typeof CONDITIONS)[number];
export type Grant = true | Condition;
export type AccessFacts = Partial<Record<Condition, boolean>>;

/** What every member of a network may do, whatever their role. */
const MEMBER: Partial<Record<Permission, Grant>> = {
  'network.read': true,
  'network.members': true,
  // An informal or hybrid organisation records how many open actions it can carry (issue #13): its own people, or the coordinator.
  'network.capacity': 'ownOrganisation',
  'network.overview': true,
  'covenant.read': true,
  'confidentiality.accept': true,
  'case.list': true,
  'case.read': true,
  'case.create': true,
  'question.list': true,
  'question.read': true,
  'question.create': true,
  'question.scan': true,
  'question.message': 'submittingOrganisation',
  'question.withdraw': 'submittingOrganisation',
  'question.convert': 'submittingOrganisation',
  'meeting.list': true,
  'meeting.read': true,
  'action.list': true,
  'action.update': 'ownOrganisation',
  'action.export': true,
  'minutes.read': 'approvedOrPresentWhenSent',
  'minutes.comment': 'present',
};

/**
 * Routes about no network: the account, the installation's organisations and accounts, the list of
 * one's networks, one's own organisation's actions ("Mijn acties").
 */
export const GLOBAL_ACCESS: Record<'USER' | 'ADMIN', Partial<Record<Permission, Grant>>> = {
  USER: {
    'account.read': true,
    'account.manage': true,
    'calendar.subscribe': true,
    'organisation.list': true,
    'network.list': true,
    'action.list': true,
  },
  ADMIN: {
    'account.read': true,
    'account.manage': true,
    'calendar.subscribe': true,
    'organisation.list': true,
    'network.list': true,
    'organisation.manage': true,
    'user.manage': true,
    'network.create': true,
  },
};

/**
 * THE table for everything inside a network: role → permission → grant. The administrator manages
 * members and roles but sees no case (an empty list), question, meeting or minutes. Whatever is not listed is refused.
 */
export const ACCESS: Record<AccessRole, Partial<Record<Permission, Grant>>> = {
  ADMIN: {
    'network.read': true,
    'network.members': true,
    'network.manage': true,
    // The administrator may ask for the case list and gets it empty: the disclosure policy shows them no case.
    'case.list': true,
    'covenant.read': true,
    'covenant.sign': true,
  },
  COORDINATOR: {
    ...MEMBER,
    'network.capacity': true,
    'network.manage': true,
    'network.reviewRoles': true,
    'network.figures': true,
    'covenant.edit': true,
    'covenant.sign': true,
    'accessLog.read': true,
    'case.updateStatus': true,
    'case.accessReport': true,
    'case.refer': true,
    'referral.read': true,
    'referral.decide': true,
    'case.knownElsewhere': true,
    'question.answer': true,
    'question.message': true,
    'meeting.plan': true,
    'meeting.run': true,
    'meeting.cancel': true,
    'action.update': true,
    'action.correct': true,
    'minutes.read': true,
    'minutes.edit': true,
    'minutes.comment': true,
    'minutes.approve': true,
    'minutes.addendum': true,
  },
  CORE_PARTNER: { ...MEMBER, 'network.figures': true },
  SHELL_PARTNER: MEMBER,
  VOLUNTEER_REP: MEMBER,
  GUEST: { 'meeting.read': 'invited', 'confidentiality.accept': 'invited' },
  /**
   * The municipality (issue #13, ADR 0019): the network's name and kind, and its figures — nothing
   * else. Not its members, cases, questions, meetings, actions, minutes, covenant or access log: a
   * list answers 403, an item 404, like for anyone without the grant.
   */
  MUNICIPALITY: { 'network.read': true, 'network.figures': true },
};

/** The grant of a permission to a role in a network: true, a condition, or undefined (refused; also without a role). */
export function grantOf(role: AccessRole | null, permission: Permission): Grant | undefined {
  return role ? ACCESS[role][permission] : undefined;
}

/** Whether the role may do it in the network, given the facts of the record (a condition without its fact counts as false). */
export function can(role: AccessRole | null, permission: Permission, facts: AccessFacts = {}): boolean {
  const grant = grantOf(role, permission);
  return grant === true || (grant !== undefined && facts[grant] === true);
}

/** Whether a signed-in user (or the administrator) may do it on a route about no network. */
export function canGlobally(isAdmin: boolean, permission: Permission): boolean {
  return GLOBAL_ACCESS[isAdmin ? 'ADMIN' : 'USER'][permission] === true;
}
