import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HALF_SESSION, IS_PUBLIC, RequestWithViewer, type HalfSessionStatus } from '../common/decorators';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

export const MFA_CODE_NEEDED = 'Vul eerst de code uit je authenticator-app in (of een herstelcode) om verder te gaan.';
export const ENROLMENT_NEEDED =
  'Stel eerst de tweede stap in: koppel een authenticator-app op je telefoon aan je account. Daarna kun je verder.';

/**
 * Global guard: every route needs a valid session unless marked @Public(). A half-session reaches only
 * the routes marked @AllowHalfSession for its status: one waiting for the second factor's code gets 401
 * elsewhere, one that must set up a second factor first 403. What the signed-in user may do is the
 * AccessGuard's.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    const token: string | undefined = request.cookies?.[SESSION_COOKIE];
    if (!token) throw new UnauthorizedException('Je bent niet ingelogd. Log in om verder te gaan.');
    const { viewer, session } = await this.auth.authenticateSession(token);
    if (session.status !== 'ACTIVE') {
      const allowed = this.reflector.getAllAndOverride<HalfSessionStatus[] | undefined>(HALF_SESSION, targets) ?? [];
      if (!allowed.includes(session.status)) {
        if (session.status === 'MFA_PENDING') throw new UnauthorizedException(MFA_CODE_NEEDED);
        throw new ForbiddenException(ENROLMENT_NEEDED);
      }
    }
    request.viewer = { ...viewer, ip: request.ip };
    request.session = session;
    return true;
  }
}
