import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FiguresQuery, type FiguresView } from '@casustafel/contract/figures';
import { Requires } from '../access/requires.decorator';
import { ApiFileBody, ApiOkBody } from '../common/api-responses';
import { CurrentUser } from '../common/decorators';
import { download } from '../common/file-download';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { FiguresExport } from './figures-export.service';
import { FiguresService } from './figures.service';

/** The network's figures for a period (issue #13): counts with disclosure control, never a person. */
@ApiTags('networks')
@Controller('networks/:id')
export class FiguresController {
  constructor(
    private readonly figures: FiguresService,
    private readonly exports: FiguresExport,
  ) {}

  @Requires('network.figures')
  @Get('figures')
  @ApiOkBody('FiguresView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Query() query: FiguresQuery): Promise<FiguresView> {
    return this.figures.figures(viewer, id, query);
  }

  @Requires('network.figures')
  @Get('figures.csv')
  @ApiFileBody('text/csv', 'De cijfers van het netwerk, een regel per getal (afgeschermde aantallen leeg).')
  async csv(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Query() query: FiguresQuery): Promise<StreamableFile> {
    return download(await this.exports.csv(viewer, id, query));
  }

  @Requires('network.figures')
  @Get('figures.pdf')
  @ApiFileBody('application/pdf', 'De cijfers van het netwerk als rapport (A4).')
  async pdf(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Query() query: FiguresQuery): Promise<StreamableFile> {
    return download(await this.exports.pdf(viewer, id, query));
  }
}
