import { Injectable } from '@nestjs/common';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import { actionsCsv, actionsPdf } from '../actions/actions-export';
import { ActionsService } from '../actions/actions.service';
import { Clock } from '../common/clock';
import type { FileDownload } from '../common/file-download';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { AccessLogService } from '../privacy/access-log.service';

/**
 * The network's open actions as a file (members; cases by pseudonym only, as the actions' view
 * labels them). It lives in the meetings module, which may use both actions and the privacy log.
 */
@Injectable()
export class NetworkActionsExport {
  constructor(
    private readonly actions: ActionsService,
    private readonly networks: NetworksService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  async csv(viewer: Viewer, networkId: string): Promise<FileDownload> {
    const open = await this.open(viewer, networkId);
    return { bytes: Buffer.from(actionsCsv(open), 'utf8'), contentType: 'text/csv; charset=utf-8', filename: 'open-acties.csv' };
  }

  async pdf(viewer: Viewer, networkId: string): Promise<FileDownload> {
    const open = await this.open(viewer, networkId);
    const network = await this.networks.findById(networkId);
    const bytes = await actionsPdf(network.name, open, viewer.name, this.clock.now());
    return { bytes, contentType: 'application/pdf', filename: 'open-acties.pdf' };
  }

  private async open(viewer: Viewer, networkId: string) {
    const all = await this.actions.list(viewer, { scope: 'network', networkId });
    const role = await this.networks.roleOf(viewer, networkId);
    // Every export is logged, even one that holds pseudonyms only.
    await this.accessLog.record([{ viewer, role, networkId, caseId: null, action: 'EXPORT', level: 'PSEUDONYM', context: 'DOSSIER' }]);
    return all.filter((a) => OPEN_ACTION_STATUSES.includes(a.status));
  }
}
