import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CaseTimelineView } from '@casustafel/contract/timeline';
import { Requires } from '../access/requires.decorator';
import { ApiOkBody } from '../common/api-responses';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { CaseTimelineService } from './case-timeline.service';

@ApiTags('cases')
@Controller()
export class TimelineController {
  constructor(private readonly timeline: CaseTimelineService) {}

  /** The case's history, oldest first, as this viewer may see it (issue #12). */
  @Requires('case.read')
  @Get('cases/:id/timeline')
  @ApiOkBody('CaseTimelineView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<CaseTimelineView> {
    return this.timeline.timeline(viewer, id);
  }
}
