import { Injectable } from '@nestjs/common';
import { requireAccess } from '../access/require-access';
import type { AccessLogEntryView, AccessLogQuery, AccessLogVerification, AdminChangesView } from '@casustafel/contract/access-log';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { AccessLogService } from './access-log.service';

/** What the coordinator reads from the access log of their network: entries, verification and the administrator's changes. */
@Injectable()
export class AccessLogReader {
  constructor(
    private readonly accessLog: AccessLogService,
    private readonly networks: NetworksService,
  ) {}

  async list(viewer: Viewer, networkId: string, query: AccessLogQuery): Promise<AccessLogEntryView[]> {
    await this.requireCoordinator(viewer, networkId);
    return this.accessLog.list(networkId, query);
  }

  async verify(viewer: Viewer, networkId: string): Promise<AccessLogVerification> {
    await this.requireCoordinator(viewer, networkId);
    return this.accessLog.verify();
  }

  /** Role and membership changes the administrator made since the coordinator last looked. */
  async adminChanges(viewer: Viewer, networkId: string): Promise<AdminChangesView> {
    await this.requireCoordinator(viewer, networkId);
    return this.accessLog.adminChanges(networkId, viewer.id);
  }

  async markAdminChangesSeen(viewer: Viewer, networkId: string, seq: number): Promise<{ seenUntil: number }> {
    await this.requireCoordinator(viewer, networkId);
    return this.accessLog.markAdminChangesSeen(networkId, viewer.id, seq);
  }

  /** The AccessGuard has checked the route's permission already; this is the same table, where the service is called from elsewhere. */
  private async requireCoordinator(viewer: Viewer, networkId: string): Promise<void> {
    requireAccess((await this.networks.accessFor(viewer, networkId)).role, 'accessLog.read');
  }
}
