import { Body, Controller, Get, HttpCode, Param, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiFileBody, ApiOkBody } from '../../common/api-responses';
import { AddendumDto, ApproveMinutesDto, MinutesCommentDto, UpdateMinutesDto, type MinutesView } from '@casustafel/contract/minutes';
import { CurrentUser, Idempotent } from '../../common/decorators';
import { download } from '../../common/file-download';
import { IdPipe } from '../../common/id.pipe';
import type { Viewer } from '../../common/viewer';
import { MinutesService } from './minutes.service';

@ApiTags('minutes')
@Controller('meetings/:id/minutes')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Requires('minutes.read')
  @Get()
  @ApiOkBody('MinutesView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MinutesView> {
    return this.minutes.get(viewer, id);
  }

  @Requires('minutes.edit')
  @Patch()
  @ApiOkBody('MinutesView')
  @ApiConflictError('Het verslag is intussen gewijzigd (version) of al vastgesteld.')
  update(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateMinutesDto): Promise<MinutesView> {
    return this.minutes.update(viewer, id, dto);
  }

  @Requires('minutes.edit')
  @Post('send')
  @HttpCode(200)
  @ApiOkBody('MinutesView')
  @ApiConflictError('Het verslag is al vastgesteld.')
  send(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MinutesView> {
    return this.minutes.send(viewer, id);
  }

  @Requires('minutes.comment')
  @Post('comments')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('MinutesView')
  @ApiConflictError('Opmerkingen kunnen alleen bij een verstuurd, nog niet vastgesteld verslag.')
  comment(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: MinutesCommentDto): Promise<MinutesView> {
    return this.minutes.comment(viewer, id, dto);
  }

  @Requires('minutes.edit')
  @Post('comments/:commentId/resolve')
  @HttpCode(200)
  @ApiOkBody('MinutesView')
  resolve(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('commentId', IdPipe) commentId: string,
  ): Promise<MinutesView> {
    return this.minutes.resolveComment(viewer, id, commentId);
  }

  @Requires('minutes.approve')
  @Post('approve')
  @HttpCode(200)
  @ApiOkBody('MinutesApproval')
  @ApiConflictError('Het verslag is al vastgesteld.')
  approve(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Body() dto: ApproveMinutesDto,
  ): Promise<{ approvedAt: string; sha256: string; covenantVersion: number }> {
    return this.minutes.approve(viewer, id, dto);
  }

  @Requires('minutes.addendum')
  @Post('addenda')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('MinutesView')
  @ApiConflictError('Een aanvulling hoort bij een vastgesteld verslag.')
  addendum(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AddendumDto): Promise<MinutesView> {
    return this.minutes.addAddendum(viewer, id, dto);
  }
}

/** GET /api/meetings/:id/minutes.pdf: the minutes for the requesting reader only. */
@ApiTags('minutes')
@Controller('meetings')
export class MinutesPdfController {
  constructor(private readonly minutes: MinutesService) {}

  @Requires('minutes.read')
  @Get(':id/minutes.pdf')
  @ApiFileBody('application/pdf', 'Het verslag zoals deze lezer het mag zien (convenantversie van het overleg).')
  async pdf(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<StreamableFile> {
    return download(await this.minutes.pdf(viewer, id));
  }
}
