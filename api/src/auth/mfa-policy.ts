import type { MfaPolicy } from '@casustafel/contract/account';
import type { DisclosureMatrix } from '@casustafel/contract/covenant';
import { DISCLOSURE_CONTEXTS, DISCLOSURE_LEVELS, type CovenantRole, type DisclosureLevel } from '@casustafel/contract/enums';

/** A role the user holds in a network, with that network's covenant in force. */
export interface HeldRole {
  role: CovenantRole;
  matrix: DisclosureMatrix;
}

/** FULL, INITIALS or ADDRESS: more of a client than the pseudonym. */
export const aboveThePseudonym = (level: DisclosureLevel): boolean =>
  DISCLOSURE_LEVELS.indexOf(level) < DISCLOSURE_LEVELS.indexOf('PSEUDONYM');

/** The covenant lets this role see a client's identity above the pseudonym in some context (meeting, dossier, minutes). */
export const seesIdentities = ({ role, matrix }: HeldRole): boolean =>
  DISCLOSURE_CONTEXTS.some((context) => aboveThePseudonym(matrix[role][context]));

/**
 * Whether the MFA_REQUIRED policy asks this user for a second factor (issue #11): `off` nobody, `all`
 * everyone, `identities` whoever holds a role (or a guest invitation) in a network whose covenant in
 * force lets that role see identities above the pseudonym in any context. What the covenant gives the
 * role is what counts, not the exceptions of the disclosure policy for one case (their own case, an
 * open action of their organisation), nor a missing confidentiality acceptance, which they can give
 * at any moment.
 */
export function secondFactorRequired(policy: MfaPolicy, held: HeldRole[]): boolean {
  if (policy === 'off') return false;
  if (policy === 'all') return true;
  return held.some(seesIdentities);
}
