import { ForbiddenException, Injectable } from '@nestjs/common';
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
    await this.requireCoordinator(viewer, networkId, 'Alleen de coördinator van dit netwerk ziet de wijzigingen van de beheerder.');
    return this.accessLog.adminChanges(networkId, viewer.id);
  }

  async markAdminChangesSeen(viewer: Viewer, networkId: string, seq: number): Promise<{ seenUntil: number }> {
    await this.requireCoordinator(viewer, networkId, 'Alleen de coördinator van dit netwerk ziet de wijzigingen van de beheerder.');
    return this.accessLog.markAdminChangesSeen(networkId, viewer.id, seq);
  }

  private async requireCoordinator(
    viewer: Viewer,
    networkId: string,
    message = 'Alleen de coördinator van dit netwerk leest het toegangslogboek.',
  ): Promise<void> {
    const access = await this.networks.accessFor(viewer, networkId);
    if (access.role !== 'COORDINATOR') throw new ForbiddenException(message);
  }
}
