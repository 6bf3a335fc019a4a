import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, RequestWithViewer } from '../common/decorators';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

/** Global guard: every route needs a valid session unless marked @Public(). What the signed-in user may do is the AccessGuard's. */
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
    request.viewer = { ...(await this.auth.authenticate(token)), ip: request.ip };
    return true;
  }
}
