import { Injectable } from '@nestjs/common';
import type { FiguresQuery, FiguresView } from '@casustafel/contract/figures';
import { Clock } from '../common/clock';
import type { FileDownload } from '../common/file-download';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { AccessLogService } from '../privacy/access-log.service';
import { figuresCsv, figuresPdf } from './figures-export';
import { FiguresService } from './figures.service';

/** The figures as a file for the municipality; every export is written to the access log, although it holds no person. */
@Injectable()
export class FiguresExport {
  constructor(
    private readonly figures: FiguresService,
    private readonly networks: NetworksService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  async csv(viewer: Viewer, networkId: string, query: FiguresQuery): Promise<FileDownload> {
    const view = await this.logged(viewer, networkId, query);
    return { bytes: Buffer.from(figuresCsv(view), 'utf8'), contentType: 'text/csv; charset=utf-8', filename: fileName(view, 'csv') };
  }

  async pdf(viewer: Viewer, networkId: string, query: FiguresQuery): Promise<FileDownload> {
    const view = await this.logged(viewer, networkId, query);
    const bytes = await figuresPdf(view, viewer.name, this.clock.now());
    return { bytes, contentType: 'application/pdf', filename: fileName(view, 'pdf') };
  }

  private async logged(viewer: Viewer, networkId: string, query: FiguresQuery): Promise<FiguresView> {
    const view = await this.figures.figures(viewer, networkId, query);
    const role = await this.networks.roleOf(viewer, networkId);
    await this.accessLog.record([
      {
        viewer,
        role,
        networkId,
        caseId: null,
        action: 'EXPORT',
        level: null,
        context: 'MANAGEMENT',
        object: { type: 'NETWORK', id: networkId },
      },
    ]);
    return view;
  }
}

/** "cijfers-2026-01-01-2026-12-31.csv": dates only, nothing a header could be broken with. */
function fileName(view: FiguresView, extension: string): string {
  return `cijfers-${view.from}-${view.to}.${extension}`;
}
