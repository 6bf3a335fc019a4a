import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '@casustafel/contract/meeting-rules';
import { IDEMPOTENT, type RequestWithViewer } from '../common/decorators';
import { IdempotencyService } from './idempotency.service';

export const MALFORMED_KEY = `De ${IDEMPOTENCY_HEADER} is ongeldig: gebruik 8 tot 128 letters, cijfers, '-' of '_' (bijvoorbeeld een UUID).`;

/** The header on an answer given again to a repeat, rather than made anew. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * One click, one record (ADR 0016). On a route marked @Idempotent(), a request with an
 * Idempotency-Key header runs once per user and key: a repeat gets the first answer (same status,
 * same body) without running again. Runs after the guards (who the user is, whether they may), before
 * validation. Without the header, or on another route, nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (!this.reflector.getAllAndOverride<boolean>(IDEMPOTENT, [context.getHandler(), context.getClass()])) return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    const header = request.header(IDEMPOTENCY_HEADER);
    if (header === undefined || !request.viewer) return next.handle();
    if (!IDEMPOTENCY_KEY_PATTERN.test(header)) throw new BadRequestException(MALFORMED_KEY);
    const response = context.switchToHttp().getResponse<Response>();
    const owner = { userId: request.viewer.id, key: header };
    const route = `${request.method} ${request.originalUrl}`;
    return from(this.idempotency.claim({ ...owner, route, body: request.body as unknown })).pipe(
      mergeMap((claim) => {
        if (!claim.run) {
          response.status(claim.status);
          response.setHeader(REPLAYED_HEADER, 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.idempotency.complete(claim.id, owner, response.statusCode, body);
            return body;
          }),
          catchError((error: unknown) => from(this.idempotency.release(claim.id)).pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }
}
