import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiFileBody } from '../common/api-responses';
import { CurrentUser } from '../common/decorators';
import { download } from '../common/file-download';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { NetworkActionsExport } from './network-actions-export.service';

/** The network's open actions as CSV and PDF (members; cases by pseudonym only). */
@ApiTags('actions')
@Controller('networks/:id')
export class NetworkActionsExportController {
  constructor(private readonly exports: NetworkActionsExport) {}

  @Requires('action.export')
  @Get('actions.csv')
  @ApiFileBody('text/csv', 'De open acties van het netwerk (casussen alleen met pseudoniem).')
  async csv(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<StreamableFile> {
    return download(await this.exports.csv(viewer, networkId));
  }

  @Requires('action.export')
  @Get('actions.pdf')
  @ApiFileBody('application/pdf', 'De open acties van het netwerk (casussen alleen met pseudoniem).')
  async pdf(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<StreamableFile> {
    return download(await this.exports.pdf(viewer, networkId));
  }
}
