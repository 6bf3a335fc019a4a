import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { requestContextMiddleware } from './common/request-context';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { strictValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { dtoSchemas } from './common/openapi';

/** Everything between the Nest app and the network, shared by main.ts and the API tests. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular and Angular Material set inline styles on elements.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(requestContextMiddleware);
  app.use(cookieParser());
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Casustafel API')
      .setDescription('Casusoverleg voor OGGZ- en buurtnetwerken. Alle foutmeldingen zijn Nederlandstalig.')
      .setVersion('0.1.0')
      .addCookieAuth('casustafel_session')
      .build(),
  );
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...dtoSchemas() };
  SwaggerModule.setup('api/docs', app, document);
}
