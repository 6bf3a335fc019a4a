import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiNoContentBody, ApiOkBody } from '../common/api-responses';
import {
  AddAgendaItemDto,
  AttendanceDto,
  CancelMeetingDto,
  CreateActionDto,
  CreateMeetingDto,
  InviteGuestDto,
  UpdateAgendaItemDto,
  type ActionView,
  type MeetingSummaryView,
  type MeetingView,
  UpdateMeetingDto,
} from '@casustafel/contract/meetings';
import { CurrentUser, Idempotent } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Requires('meeting.plan')
  @Post('networks/:id/meetings')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('PlannedMeetings', 'Het overleg, of bij een herhaling de lijst van geplande overleggen.')
  plan(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) networkId: string,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingSummaryView | MeetingSummaryView[]> {
    return this.meetings.plan(viewer, networkId, dto);
  }

  @Requires('meeting.list')
  @Get('networks/:id/meetings')
  @ApiOkBody('MeetingSummaryView[]')
  list(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<MeetingSummaryView[]> {
    return this.meetings.list(viewer, networkId);
  }

  @Requires('meeting.read')
  @Get('meetings/:id')
  @ApiOkBody('MeetingView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.get(viewer, id);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/agenda/assemble')
  @HttpCode(200)
  @ApiOkBody('MeetingView')
  @ApiConflictError('Het overleg is gesloten; de agenda ligt vast.')
  assemble(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.assemble(viewer, id);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/agenda')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('MeetingView')
  @ApiConflictError('Het overleg is gesloten; de agenda ligt vast.')
  addItem(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AddAgendaItemDto): Promise<MeetingView> {
    return this.meetings.addItem(viewer, id, dto);
  }

  @Requires('meeting.run')
  @Patch('meetings/:id/agenda/:itemId')
  @ApiOkBody('MeetingView')
  @ApiConflictError('Het agendapunt is intussen gewijzigd (version), of het overleg is gesloten.')
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
  @ApiNoContentBody()
  @ApiConflictError('Het overleg is gesloten, of bij het agendapunt zijn al acties afgesproken.')
  removeItem(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Param('itemId', IdPipe) itemId: string): Promise<void> {
    return this.meetings.removeItem(viewer, id, itemId);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/start')
  @HttpCode(200)
  @ApiOkBody('MeetingView')
  @ApiConflictError('Dit kan niet in de huidige status van het overleg.')
  start(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.transition(viewer, id, 'start');
  }

  @Requires('meeting.run')
  @Post('meetings/:id/close')
  @HttpCode(200)
  @ApiOkBody('MeetingView')
  @ApiConflictError('Dit kan niet in de huidige status van het overleg.')
  close(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.transition(viewer, id, 'close');
  }

  /** A planned meeting moved or changed: everyone invited gets the changed invitation (issue #14). */
  @Requires('meeting.plan')
  @Patch('meetings/:id')
  @ApiOkBody('MeetingView')
  @ApiConflictError('Alleen een gepland overleg kan worden verplaatst of gewijzigd.')
  reschedule(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateMeetingDto): Promise<MeetingView> {
    return this.meetings.reschedule(viewer, id, dto);
  }

  /** The meeting does not take place: cancelled with a reason; its questions go back to the pool for the next agenda. */
  @Requires('meeting.cancel')
  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @ApiOkBody('MeetingView')
  @ApiConflictError('Alleen een gepland overleg kan worden geannuleerd (niet een begonnen, gesloten of al geannuleerd overleg).')
  cancel(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: CancelMeetingDto): Promise<MeetingView> {
    return this.meetings.cancel(viewer, id, dto);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/reopen')
  @HttpCode(200)
  @ApiOkBody('MeetingView')
  @ApiConflictError('Het overleg is niet gesloten, of het verslag is vastgesteld.')
  reopen(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return this.meetings.transition(viewer, id, 'reopen');
  }

  @Requires('meeting.run')
  @Get('meetings/:id/guest-candidate')
  @ApiOkBody('GuestCandidateView')
  findGuest(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Query('email') email = '',
  ): Promise<{ id: string; name: string; organisation: string }> {
    return this.meetings.findGuest(viewer, id, email);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/guests')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('MeetingView')
  @ApiConflictError('Deze persoon heeft al een rol in het netwerk.')
  inviteGuest(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: InviteGuestDto): Promise<MeetingView> {
    return this.meetings.inviteGuest(viewer, id, dto);
  }

  @Requires('confidentiality.accept')
  @Post('meetings/:id/confidentiality/accept')
  @HttpCode(200)
  @ApiOkBody('ConfidentialityAcceptance')
  acceptAsGuest(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<{ acceptedAt: string; validUntil: string }> {
    return this.meetings.acceptAsGuest(viewer, id);
  }

  @Requires('meeting.run')
  @Put('meetings/:id/attendance')
  @ApiOkBody('MeetingView')
  @ApiConflictError('Het verslag is vastgesteld; de aanwezigheid ligt vast.')
  attendance(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AttendanceDto): Promise<MeetingView> {
    return this.meetings.setAttendance(viewer, id, dto);
  }

  @Requires('meeting.run')
  @Post('meetings/:id/agenda/:itemId/actions')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('ActionView')
  @ApiConflictError('Het overleg is gesloten, of de organisatie is geen lid van het netwerk.')
  addAction(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Param('itemId', IdPipe) itemId: string,
    @Body() dto: CreateActionDto,
  ): Promise<ActionView> {
    return this.meetings.addAction(viewer, id, itemId, dto);
  }
}
