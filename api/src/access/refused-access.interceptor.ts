import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { RequestWithViewer } from '../common/decorators';
import { AccessTargets } from './access-targets';

/**
 * Writes every refused attempt (403 or 404 from a signed-in request's handler) on a case,
 * question, meeting, minutes, action, network or export into the access log with outcome DENIED.
 * Refusals by the AccessGuard, before any handler, are recorded by the guard itself. Registered
 * once for the whole app: a new route is covered without code of its own.
 */
@Injectable()
export class RefusedAccessInterceptor implements NestInterceptor {
  constructor(private readonly targets: AccessTargets) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const refused = error instanceof HttpException && [403, 404].includes(error.getStatus());
        return from(refused ? this.targets.recordRefusal(request) : Promise.resolve()).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
