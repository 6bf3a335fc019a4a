import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiOkBody } from '../common/api-responses';
import {
  AddSignatureDto,
  UpdateCovenantDto,
  type ConfidentialityView,
  type CovenantSignatureView,
  type CovenantView,
} from '@casustafel/contract/covenant';
import { CurrentUser, Idempotent } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { CovenantChangesService } from './covenant-changes.service';
import { CovenantsService } from './covenants.service';

@ApiTags('covenant')
@Controller('networks/:id')
export class CovenantsController {
  constructor(
    private readonly covenants: CovenantsService,
    private readonly changes: CovenantChangesService,
  ) {}

  /** The covenant in force, or with ?version=n an earlier version (minutes keep theirs). */
  @Requires('covenant.read')
  @Get('covenant')
  @ApiOkBody('CovenantView')
  get(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) id: string,
    @Query('version', new ParseIntPipe({ optional: true })) version?: number,
  ): Promise<CovenantView> {
    return this.covenants.get(viewer, id, version);
  }

  @Requires('covenant.edit')
  @Put('covenant')
  @ApiOkBody('CovenantView', 'De nieuwe versie van het convenant.')
  update(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateCovenantDto): Promise<CovenantView> {
    return this.changes.update(viewer, id, dto);
  }

  @Requires('covenant.sign')
  @Post('covenant/signatures')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('CovenantSignatureView')
  @ApiConflictError('Alleen een organisatie die lid is van het netwerk kan ondertekenen.')
  sign(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AddSignatureDto): Promise<CovenantSignatureView> {
    return this.changes.addSignature(viewer, id, dto);
  }

  @Requires('covenant.read')
  @Get('confidentiality')
  @ApiOkBody('ConfidentialityView')
  confidentiality(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<ConfidentialityView> {
    return this.covenants.confidentiality(viewer, id);
  }

  @Requires('confidentiality.accept')
  @Post('confidentiality/accept')
  @HttpCode(200)
  @ApiOkBody('ConfidentialityAcceptance')
  accept(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<{ acceptedAt: string; validUntil: string }> {
    return this.covenants.accept(viewer, id);
  }
}
