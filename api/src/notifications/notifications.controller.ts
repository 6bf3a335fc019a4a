import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  NotificationListQuery,
  NotificationSettingsDto,
  type NotificationListView,
  type NotificationSettingsView,
} from '@casustafel/contract/notifications';
import { Requires } from '../access/requires.decorator';
import { ApiNoContentBody, ApiOkBody } from '../common/api-responses';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { NotificationsService } from './notifications.service';

/** The bell and its settings: about the signed-in user only. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Requires('account.read')
  @Get('notifications')
  @ApiOkBody('NotificationListView')
  list(@CurrentUser() viewer: Viewer, @Query() query: NotificationListQuery): Promise<NotificationListView> {
    return this.notifications.list(viewer, query.limit ?? 20);
  }

  @Requires('account.manage')
  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiNoContentBody()
  readAll(@CurrentUser() viewer: Viewer): Promise<void> {
    return this.notifications.markAllRead(viewer);
  }

  @Requires('account.manage')
  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentBody()
  read(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<void> {
    return this.notifications.markRead(viewer, id);
  }

  @Requires('account.read')
  @Get('me/notification-settings')
  @ApiOkBody('NotificationSettingsView')
  settings(@CurrentUser() viewer: Viewer): Promise<NotificationSettingsView> {
    return this.notifications.getSettings(viewer);
  }

  @Requires('account.manage')
  @Put('me/notification-settings')
  @ApiOkBody('NotificationSettingsView')
  updateSettings(@CurrentUser() viewer: Viewer, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    return this.notifications.putSettings(viewer, dto);
  }
}
