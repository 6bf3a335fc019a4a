import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Param,
  ParseBoolPipe,
  ParseEnumPipe,
  ParseUUIDPipe,
  Patch,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiOkBody } from '../common/api-responses';
import { ACTION_STATUSES, type ActionStatus } from '@casustafel/contract/meeting-rules';
import { UpdateActionDto, type ActionView } from '@casustafel/contract/meetings';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { ActionsService } from './actions.service';

@ApiTags('actions')
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  /** "Mijn acties" (scope=mine: the actions of your organisation in all your networks) or a network's actions. */
  @Requires('action.list')
  @Get()
  @ApiOkBody('ActionView[]')
  list(
    @CurrentUser() viewer: Viewer,
    @Query(
      'scope',
      new ParseEnumPipe(['mine', 'network'], {
        optional: true,
        exceptionFactory: () => new BadRequestException('Kies scope=mine of scope=network.'),
      }),
    )
    scope?: 'mine' | 'network',
    @Query('networkId', new ParseUUIDPipe({ optional: true })) networkId?: string,
    @Query(
      'status',
      new ParseEnumPipe(ACTION_STATUSES, { optional: true, exceptionFactory: () => new BadRequestException('Kies een geldige status.') }),
    )
    status?: ActionStatus,
    @Query('overdue', new ParseBoolPipe({ optional: true })) overdue?: boolean,
  ): Promise<ActionView[]> {
    return this.actions.list(viewer, { scope: scope ?? 'mine', networkId, status, overdue });
  }

  /**
   * A status change (`action.update`: the owning organisation or the coordinator) and/or a correction of
   * description, due date or owner (`action.correct`: the coordinator), on the version the caller saw.
   */
  @Requires('action.update')
  @Patch(':id')
  @ApiOkBody('ActionView')
  @ApiConflictError(
    'De actie is intussen door iemand anders gewijzigd (version), of een afgeronde actie kan niet meer worden gecorrigeerd.',
  )
  update(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateActionDto): Promise<ActionView> {
    return this.actions.update(viewer, id, dto);
  }
}
