import { Injectable, Logger } from '@nestjs/common';
import type { AccessRole } from '@casustafel/contract/permissions';
import { ActionsService } from '../actions/actions.service';
import { CasesService } from '../cases/cases.service';
import type { RequestWithViewer } from '../common/decorators';
import type { RouteObjectType } from '../common/route-object';
import type { Viewer } from '../common/viewer';
import { MeetingsService } from '../meetings/meetings.service';
import { NetworksService } from '../networks/networks.service';
import { AccessLogService } from '../privacy/access-log.service';
import { QuestionsService } from '../questions/questions.service';
import { ReferralsService } from '../referrals/referrals.service';
import { refusedTarget } from './refused-access';

/**
 * Where a request's object lives and who the caller is there: the network of a case, question,
 * meeting, minutes or action (through the owning service), and the caller's role in it —
 * 'ADMIN' for the administrator, 'GUEST' for someone invited to that meeting. Shared by the
 * access guard and the log of refused attempts.
 */
@Injectable()
export class AccessTargets {
  private readonly logger = new Logger('RefusedAccess');

  constructor(
    private readonly accessLog: AccessLogService,
    private readonly networks: NetworksService,
    private readonly cases: CasesService,
    private readonly questions: QuestionsService,
    private readonly meetings: MeetingsService,
    private readonly actions: ActionsService,
    private readonly referrals: ReferralsService,
  ) {}

  /** The network the object belongs to; null when it does not exist. */
  networkOf(type: RouteObjectType, id: string): Promise<string | null> {
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
      case 'REFERRAL':
        return this.referrals.networkOf(id);
    }
  }

  /** The caller's role for an object in this network; a guest only for the meeting they are invited to. */
  async roleOf(viewer: Viewer, networkId: string | null, object: { type: RouteObjectType; id: string } | null): Promise<AccessRole | null> {
    if (viewer.isAdmin) return 'ADMIN';
    if (!networkId) return null;
    const role = await this.networks.roleOf(viewer, networkId);
    if (role) return role;
    if (object && (object.type === 'MEETING' || object.type === 'MINUTES') && (await this.meetings.isGuest(object.id, viewer.id)))
      return 'GUEST';
    return null;
  }

  /**
   * Writes a refused attempt (403/404) on an object into the access log with outcome DENIED, under
   * the object's network so that its coordinator sees it. The answer to the request is unchanged.
   */
  async recordRefusal(request: RequestWithViewer, known?: { networkId: string | null; role: AccessRole | null }): Promise<void> {
    const viewer = request.viewer;
    if (!viewer) return;
    const target = refusedTarget(
      String(request.route?.path ?? ''),
      request.method,
      request.params ?? {},
      (request.query ?? {}) as Record<string, unknown>,
    );
    if (!target?.id) return;
    try {
      const networkId = known ? known.networkId : await this.networkOf(target.type, target.id);
      const role = known ? known.role : viewer.isAdmin ? 'ADMIN' : networkId ? await this.networks.roleOf(viewer, networkId) : null;
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
}
