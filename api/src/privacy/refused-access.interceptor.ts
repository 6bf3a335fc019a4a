import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { ActionsService } from '../actions/actions.service';
import { CasesService } from '../cases/cases.service';
import type { RequestWithViewer } from '../common/decorators';
import { MeetingsService } from '../meetings/meetings.service';
import { NetworksService } from '../networks/networks.service';
import { QuestionsService } from '../questions/questions.service';
import { AccessLogService } from './access-log.service';
import { refusedTarget, type RefusedTarget } from './refused-access';

/**
 * Writes every refused attempt (403 or 404 from a signed-in request) on a case, question,
 * meeting, minutes, action, network or export into the access log with outcome DENIED, under the
 * network the object belongs to, so that its coordinator sees the attempt. Registered once for
 * the whole app: a new route is covered without code of its own. The answer to the request stays
 * exactly what it was.
 */
@Injectable()
export class RefusedAccessInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RefusedAccess');

  constructor(
    private readonly accessLog: AccessLogService,
    private readonly networks: NetworksService,
    private readonly cases: CasesService,
    private readonly questions: QuestionsService,
    private readonly meetings: MeetingsService,
    private readonly actions: ActionsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    return next
      .handle()
      .pipe(catchError((error: unknown) => from(this.recordRefusal(request, error)).pipe(mergeMap(() => throwError(() => error)))));
  }

  private async recordRefusal(request: RequestWithViewer, error: unknown): Promise<void> {
    const viewer = request.viewer;
    if (!viewer || !(error instanceof HttpException) || ![403, 404].includes(error.getStatus())) return;
    const target = refusedTarget(
      String(request.route?.path ?? ''),
      request.method,
      request.params ?? {},
      (request.query ?? {}) as Record<string, unknown>,
    );
    if (!target?.id) return;
    try {
      const networkId = await this.networkOf(target.type, target.id);
      const role = viewer.isAdmin ? 'ADMIN' : networkId ? await this.networks.roleOf(viewer, networkId) : null;
      await this.accessLog.record([
        {
          viewer,
          role,
          networkId,
          caseId: target.type === 'CASE' && networkId ? target.id : null,
          questionId: target.type === 'QUESTION' && networkId ? target.id : null,
          action: target.action,
          level: null,
          context: target.context,
          outcome: 'DENIED',
          object: { type: target.type, id: target.id },
        },
      ]);
    } catch {
      this.logger.error('Een geweigerde poging kon niet in het toegangslogboek worden geschreven.');
    }
  }

  /** The network the object belongs to; null when it does not exist. */
  private networkOf(type: RefusedTarget['type'], id: string): Promise<string | null> {
    switch (type) {
      case 'CASE':
        return this.cases.networkOf(id);
      case 'QUESTION':
        return this.questions.networkOf(id);
      case 'MEETING':
      case 'MINUTES':
        return this.meetings.networkOf(id);
      case 'ACTION':
        return this.actions.networkOf(id);
      case 'NETWORK':
        return this.networks.networkOf(id);
      default:
        return Promise.resolve(null);
    }
  }
}
