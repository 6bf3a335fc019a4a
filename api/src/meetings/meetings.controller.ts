import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import {
  AddAgendaItemDto,
  AttendanceDto,
  CreateActionDto,
  CreateMeetingDto,
  InviteGuestDto,
  UpdateAgendaItemDto,
  type ActionView,
  type MeetingSummaryView,
  type MeetingView,
} from '@casustafel/contract/meetings';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Requires('meeting.plan')
  @Post('networks/:id/meetings')
  @HttpCode(201)
  plan(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) networkId: string,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingSummaryView | MeetingSummaryView[]> {
    return this.meetings.plan(viewer, networkId, dto);
  }

  @Requires('meeting.list')
  @Get('networks/:id/meetings')
  list(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<MeetingSummaryView[]> {
    return this.meetings.list(viewer, networkId);
  }

  @Requires('meeting.read')
  @Get('meetings/:id')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.get(viewer, id);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/agenda/assemble')
  @HttpCode(200)
  assemble(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.assemble(viewer, id);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/agenda')
  @HttpCode(201)
  addItem(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AddAgendaItemDto): Promise<MeetingView> {
    return this.meetings.addItem(viewer, id, dto);
  }

  @Requires('meeting.run')
  @Patch('meetings/:id/agenda/:itemId')
  updateItem(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('itemId', IdPipe) itemId: string,
    @Body() dto: UpdateAgendaItemDto,
  ): Promise<MeetingView> {
    return this.meetings.updateItem(viewer, id, itemId, dto);
  }

  @Requires('meeting.run')
  @Delete('meetings/:id/agenda/:itemId')
  @HttpCode(204)
  removeItem(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Param('itemId', IdPipe) itemId: string): Promise<void> {
    return this.meetings.removeItem(viewer, id, itemId);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/start')
  @HttpCode(200)
  start(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.transition(viewer, id, 'start');
  }

  @Requires('meeting.run')
  @Post('meetings/:id/close')
  @HttpCode(200)
  close(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.transition(viewer, id, 'close');
  }

  @Requires('meeting.run')
  @Post('meetings/:id/reopen')
  @HttpCode(200)
  reopen(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.transition(viewer, id, 'reopen');
  }

  @Requires('meeting.run')
  @Get('meetings/:id/guest-candidate')
  findGuest(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Query('email') email = '',
  ): Promise<{ id: string; name: string; organisation: string }> {
    return this.meetings.findGuest(viewer, id, email);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/guests')
  @HttpCode(201)
  inviteGuest(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: InviteGuestDto): Promise<MeetingView> {
    return this.meetings.inviteGuest(viewer, id, dto);
  }

  @Requires('confidentiality.accept')
  @Post('meetings/:id/confidentiality/accept')
  @HttpCode(200)
  acceptAsGuest(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<{ acceptedAt: string; validUntil: string }> {
    return this.meetings.acceptAsGuest(viewer, id);
  }

  @Requires('meeting.run')
  @Put('meetings/:id/attendance')
  attendance(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AttendanceDto): Promise<MeetingView> {
    return this.meetings.setAttendance(viewer, id, dto);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/agenda/:itemId/actions')
  @HttpCode(201)
  addAction(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('itemId', IdPipe) itemId: string,
    @Body() dto: CreateActionDto,
  ): Promise<ActionView> {
    return this.meetings.addAction(viewer, id, itemId, dto);
  }
}
