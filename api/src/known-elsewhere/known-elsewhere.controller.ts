import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KnownElsewhereDto, type KnownElsewhereView } from '@casustafel/contract/referrals';
import { Requires } from '../access/requires.decorator';
import { ApiOkBody } from '../common/api-responses';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { KnownElsewhereService } from './known-elsewhere.service';

@ApiTags('referrals')
@Controller()
export class KnownElsewhereController {
  constructor(private readonly knownElsewhere: KnownElsewhereService) {}

  /** "Bekend in een ander netwerk?": yes (whom to contact) or no; a question, logged with its purpose in both networks. */
  @Requires('case.knownElsewhere')
  @Post('cases/:id/known-elsewhere')
  @HttpCode(200)
  @ApiOkBody('KnownElsewhereView')
  check(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) caseId: string, @Body() dto: KnownElsewhereDto): Promise<KnownElsewhereView> {
    return this.knownElsewhere.check(viewer, caseId, dto);
  }
}
