import 'reflect-metadata';
import { Body, Controller, type INestApplication, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { FreeText } from '@casustafel/contract/free-text';
import { markFreeTextChecked, requestContextMiddleware } from '../common/request-context';
import { strictValidationPipe } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { FreeTextInterceptor } from './free-text.interceptor';

class NoteDto {
  @FreeText()
  @MaxLength(100)
  @IsString()
  text!: string;
}

class NotesDto {
  @ValidateNested({ each: true })
  @Type(() => NoteDto)
  notes!: NoteDto[];
}

@Controller('t')
class SketchyController {
  /** A route someone added without the identity guard. */
  @Post('unchecked')
  unchecked(@Body() _dto: NoteDto) {
    return { stored: true };
  }

  @Post('nested-unchecked')
  nested(@Body() _dto: NotesDto) {
    return { stored: true };
  }

  /** What FreeTextGuard.check does once the text passed. */
  @Post('checked')
  checked(@Body() dto: NoteDto) {
    markFreeTextChecked(dto);
    return { stored: true };
  }
}

async function appWith(nodeEnv: 'test' | 'production'): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers: [SketchyController] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.use(requestContextMiddleware);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalInterceptors(new FreeTextInterceptor(Object.assign(new AppConfig(), { nodeEnv })));
  await app.init();
  return app;
}

describe(FreeTextInterceptor.name, () => {
  let app: INestApplication;
  beforeAll(async () => (app = await appWith('test')));
  afterAll(() => app.close());

  it('fails a route that accepted free text without passing it through the identity guard', async () => {
    await request(app.getHttpServer()).post('/t/unchecked').send({ text: 'iets' }).expect(500);
  });

  it('also when the free text sits in a nested DTO', async () => {
    await request(app.getHttpServer())
      .post('/t/nested-unchecked')
      .send({ notes: [{ text: 'iets' }] })
      .expect(500);
  });

  it('lets a route through that checked it, and one that received no text', async () => {
    await request(app.getHttpServer()).post('/t/checked').send({ text: 'iets' }).expect(201);
    await request(app.getHttpServer()).post('/t/unchecked').send({ text: '  ' }).expect(201);
  });

  it('only logs in production, where the write already happened', async () => {
    const production = await appWith('production');
    await request(production.getHttpServer()).post('/t/unchecked').send({ text: 'iets' }).expect(201);
    await production.close();
  });
});
