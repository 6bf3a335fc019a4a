import { Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiCreatedBody, ApiFileBody } from '../common/api-responses';
import { CurrentUser, Public, Idempotent } from '../common/decorators';
import { download } from '../common/file-download';
import type { Viewer } from '../common/viewer';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Requires('calendar.subscribe')
  @Post('token')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('CalendarLinkView', 'Een nieuwe agenda-link; de vorige werkt niet meer.')
  renew(@CurrentUser() viewer: Viewer): Promise<{ token: string; url: string }> {
    return this.calendar.renew(viewer);
  }

  /** The feed itself: the secret in the address is the only key (calendar apps send no cookies); calendar apps may keep it five minutes. */
  @Public()
  @Get(':file')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiFileBody('text/calendar', 'De overleggen van de eigenaar van de link, als iCalendar.')
  async feed(@Param('file') file: string): Promise<StreamableFile> {
    return download(await this.calendar.feedFile(file));
  }
}
