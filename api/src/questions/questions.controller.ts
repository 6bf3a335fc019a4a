import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiConflictError, ApiCreatedBody, ApiOkBody } from '../common/api-responses';
import type { CaseView } from '@casustafel/contract/cases';
import {
  AnswerQuestionDto,
  ConvertQuestionDto,
  CreateQuestionDto,
  QuestionMessageDto,
  ScanTextDto,
  type QuestionView,
  type ScanResult,
} from '@casustafel/contract/questions';
import { CurrentUser, Idempotent } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { QuestionsService } from './questions.service';

@ApiTags('questions')
@Controller()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  /** Checks text while the user types: where is identifying data? Stores nothing. */
  @Requires('question.scan')
  @Post('networks/:id/questions/scan')
  @HttpCode(200)
  @ApiOkBody('ScanResult')
  async scan(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string, @Body() dto: ScanTextDto): Promise<ScanResult> {
    return { findings: await this.questions.scan(viewer, networkId, dto.text) };
  }

  @Requires('question.create')
  @Post('networks/:id/questions')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('QuestionView')
  create(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string, @Body() dto: CreateQuestionDto): Promise<QuestionView> {
    return this.questions.create(viewer, networkId, dto);
  }

  @Requires('question.list')
  @Get('networks/:id/questions')
  @ApiOkBody('QuestionView[]')
  list(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<QuestionView[]> {
    return this.questions.list(viewer, networkId);
  }

  @Requires('question.read')
  @Get('questions/:id')
  @ApiOkBody('QuestionView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<QuestionView> {
    return this.questions.get(viewer, id);
  }

  @Requires('question.answer')
  @Post('questions/:id/answer')
  @HttpCode(200)
  @ApiOkBody('QuestionView')
  @ApiConflictError('De vraag is ingetrokken of al een casus geworden.')
  answer(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: AnswerQuestionDto): Promise<QuestionView> {
    return this.questions.answer(viewer, id, dto);
  }

  @Requires('question.message')
  @Post('questions/:id/messages')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('QuestionView')
  message(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: QuestionMessageDto): Promise<QuestionView> {
    return this.questions.addMessage(viewer, id, dto);
  }

  @Requires('question.withdraw')
  @Post('questions/:id/withdraw')
  @HttpCode(200)
  @ApiOkBody('QuestionView')
  @ApiConflictError('De vraag is al ingetrokken of een casus geworden.')
  withdraw(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<QuestionView> {
    return this.questions.withdraw(viewer, id);
  }

  @Requires('question.convert')
  @Post('questions/:id/convert')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedBody('CaseView', 'De casus die van de vraag is gemaakt.')
  @ApiConflictError('De vraag is al ingetrokken of een casus geworden.')
  convert(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string, @Body() dto: ConvertQuestionDto): Promise<CaseView> {
    return this.questions.convert(viewer, id, dto);
  }
}
