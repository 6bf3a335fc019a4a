import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiOkBody } from '../common/api-responses';
import {
  AccessLogQuery,
  AdminChangesSeenDto,
  type AccessLogEntryView,
  type AccessLogVerification,
  type AdminChangesView,
} from '@casustafel/contract/access-log';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { AccessLogReader } from './access-log-reader';

/** The coordinator reads the network's access log, checks that the chain is intact, and sees what the administrator changed. */
@ApiTags('access-log')
@Controller('networks/:id')
export class AccessLogController {
  constructor(private readonly reader: AccessLogReader) {}

  @Requires('accessLog.read')
  @Get('access-log')
  @ApiOkBody('AccessLogEntryView[]')
  list(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) networkId: string,
    @Query() query: AccessLogQuery,
  ): Promise<AccessLogEntryView[]> {
    return this.reader.list(viewer, networkId, query);
  }

  @Requires('accessLog.read')
  @Get('access-log/verify')
  @ApiOkBody('AccessLogVerification')
  verify(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<AccessLogVerification> {
    return this.reader.verify(viewer, networkId);
  }

  @Requires('accessLog.read')
  @Get('admin-changes')
  @ApiOkBody('AdminChangesView')
  adminChanges(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<AdminChangesView> {
    return this.reader.adminChanges(viewer, networkId);
  }

  @Requires('accessLog.read')
  @Post('admin-changes/seen')
  @HttpCode(200)
  @ApiOkBody('AdminChangesSeenView')
  seen(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) networkId: string,
    @Body() dto: AdminChangesSeenDto,
  ): Promise<{ seenUntil: number }> {
    return this.reader.markAdminChangesSeen(viewer, networkId, dto.seq);
  }
}
