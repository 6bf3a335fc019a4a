import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiFileBody, ApiOkBody } from '../common/api-responses';
import { CaseListQuery, CreateCaseDto, UpdateCaseStatusDto, type CaseListView, type CaseView } from '@casustafel/contract/cases';
import { CurrentUser, Idempotent } from '../common/decorators';
import { download } from '../common/file-download';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Requires('case.create')
  @Post('networks/:id/cases')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('CaseView')
  create(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string, @Body() dto: CreateCaseDto): Promise<CaseView> {
    return this.cases.create(viewer, networkId, dto);
  }

  @Requires('case.list')
  @Get('networks/:id/cases')
  @ApiOkBody('CaseListView')
  list(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string, @Query() query: CaseListQuery): Promise<CaseListView> {
    return this.cases.list(viewer, networkId, query);
  }

  @Requires('case.read')
  @Get('cases/:id')
  @ApiOkBody('CaseView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<CaseView> {
    return this.cases.get(viewer, id);
  }

  @Requires('case.updateStatus')
  @Patch('cases/:id')
  @ApiOkBody('CaseView')
  @ApiConflictError('Deze statuswijziging kan nu niet.')
  update(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: UpdateCaseStatusDto): Promise<CaseView> {
    return this.cases.updateStatus(viewer, id, dto);
  }

  /** AVG art. 15: who saw this client's data, and when (coordinator only). */
  @Requires('case.accessReport')
  @Get('cases/:id/access-report.pdf')
  @ApiFileBody('application/pdf', 'Het inzageoverzicht (AVG art. 15) van de cliënt van deze casus.')
  async accessReport(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<StreamableFile> {
    return download(await this.cases.accessReport(viewer, id));
  }
}
