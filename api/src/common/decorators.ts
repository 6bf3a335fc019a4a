import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Viewer } from './viewer';

export const IS_PUBLIC = 'casustafel:public';

/** The route needs no session (login, health). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * A session is ACTIVE, or half: MFA_PENDING (the password was right, the second factor's code is
 * still to come) or ENROLMENT (the MFA_REQUIRED policy asks this user to set up a second factor first).
 */
export const SESSION_STATUSES = ['ACTIVE', 'MFA_PENDING', 'ENROLMENT'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type HalfSessionStatus = Exclude<SessionStatus, 'ACTIVE'>;

export const HALF_SESSION = 'casustafel:half-session';

/**
 * The route may also be called by a half-session in this status (every other route answers it 401
 * or 403): the code check for MFA_PENDING; /auth/me and the set-up of the second factor for ENROLMENT.
 */
export const AllowHalfSession = (...statuses: HalfSessionStatus[]) => SetMetadata(HALF_SESSION, statuses);

export type RequestWithViewer = Request & { viewer?: Viewer; session?: { id: string; tokenHash: string; status: SessionStatus } };

/** The signed-in user, set by the AuthGuard. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Viewer => {
  const request = ctx.switchToHttp().getRequest<RequestWithViewer>();
  if (!request.viewer) throw new Error('CurrentUser used on a route without a session');
  return request.viewer;
});

/** The session behind the request (its id, token hash and status), set by the AuthGuard. */
export const CurrentSession = createParamDecorator((_data: unknown, ctx: ExecutionContext): NonNullable<RequestWithViewer['session']> => {
  const request = ctx.switchToHttp().getRequest<RequestWithViewer>();
  if (!request.session) throw new Error('CurrentSession used on a route without a session');
  return request.session;
});

export const IDEMPOTENT = 'casustafel:idempotent';

/**
 * The route creates a record: a repeat with the same Idempotency-Key header (same user, same route
 * and body, within 24 hours) returns the first answer and creates nothing (ADR 0016, the
 * IdempotencyInterceptor). Every POST route either carries this or is listed as not creating in
 * test/idempotency.api-spec.ts.
 */
export const Idempotent = () => SetMetadata(IDEMPOTENT, true);
