import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@casustafel/contract/permissions';

export const REQUIRES = 'casustafel:requires';

/**
 * The permission a route needs (from the one table in contract/permissions.ts). The AccessGuard
 * checks the caller's role in the network the route is about before anything else runs; a route
 * that declares none is refused, and the route test fails on it.
 */
export const Requires = (permission: Permission) => SetMetadata(REQUIRES, permission);
