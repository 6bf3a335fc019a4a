import { ForbiddenException } from '@nestjs/common';
import { can, type AccessFacts, type AccessRole, type Permission } from '@casustafel/contract/permissions';
import { FORBIDDEN } from './refusals';

/**
 * The check a service makes where the record is known: the role's grant from the one table, with
 * the record's facts for a conditional grant (own organisation, present at the meeting, …). The
 * AccessGuard has already refused whoever may not know the record exists; what is left is a 403.
 */
export function requireAccess(role: AccessRole | null, permission: Permission, facts: AccessFacts = {}): void {
  if (!can(role, permission, facts)) throw new ForbiddenException(FORBIDDEN[permission] ?? 'Je hebt geen toestemming voor deze handeling.');
}
