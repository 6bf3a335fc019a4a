import { BadRequestException, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiCreatedBody, ApiFileBody } from '../common/api-responses';
import type { Response } from 'express';
import { CurrentUser, Public } from '../common/decorators';
import type { Viewer } from '../common/viewer';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Requires('calendar.subscribe')
  @Post('token')
  @HttpCode(201)
  @ApiCreatedBody('CalendarLinkView', 'Een nieuwe agenda-link; de vorige werkt niet meer.')
  renew(@CurrentUser() viewer: Viewer): Promise<{ token: string; url: string }> {
    return this.calendar.renew(viewer);
  }

  /** The feed itself: the secret in the address is the only key (calendar apps send no cookies). */
  @Public()
  @Get(':file')
  @ApiFileBody('text/calendar', 'De overleggen van de eigenaar van de link, als iCalendar.')
  async feed(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const match = /^([\w-]{20,64})\.ics$/.exec(file);
    if (!match) throw new BadRequestException('Een agenda-link eindigt op .ics.');
    const body = await this.calendar.feed(match[1]);
    response.status(200).set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' }).send(body);
  }
}
