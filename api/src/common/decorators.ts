import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Viewer } from './viewer';

export const IS_PUBLIC = 'casustafel:public';

/** The route needs no session (login, health). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type RequestWithViewer = Request & { viewer?: Viewer; sessionTokenHash?: string };

/** The signed-in user, set by the AuthGuard. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Viewer => {
  const request = ctx.switchToHttp().getRequest<RequestWithViewer>();
  if (!request.viewer) throw new Error('CurrentUser used on a route without a session');
  return request.viewer;
});
