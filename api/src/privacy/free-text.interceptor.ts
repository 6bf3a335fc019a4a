import { CallHandler, ExecutionContext, Injectable, InternalServerErrorException, Logger, NestInterceptor } from '@nestjs/common';
import { mergeMap, type Observable } from 'rxjs';
import { uncheckedFreeText } from '../common/request-context';
import { AppConfig } from '../config/app-config';

/**
 * The guarantee behind the identity guard: a handler that received free text (a request DTO with
 * a @FreeText() field) and returned without passing it through FreeTextGuard.check is a bug. Outside
 * production the request fails, so any test of such a route fails; in production it is logged.
 */
@Injectable()
export class FreeTextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('FreeTextGuard');

  constructor(private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const unchecked = uncheckedFreeText();
        if (unchecked.length > 0) {
          const route = `${context.getClass().name}.${context.getHandler().name}`;
          const types = unchecked.map((dto) => dto.constructor.name).join(', ');
          this.logger.error(`${route} accepted free text (${types}) without the identity guard`);
          if (!this.config.isProduction) throw new InternalServerErrorException();
        }
        return result;
      }),
    );
  }
}
