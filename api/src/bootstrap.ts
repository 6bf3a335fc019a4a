import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { requestContextMiddleware } from './common/request-context';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { jsonBodiesOnly, noStoreForApi, sameOriginOnly } from './common/request-guards';
import { strictValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { createApiDocument } from './common/openapi';
import { API_DOCS_PATH, apiDocsForSignedInUsers } from './auth/api-docs-access';
import { AuthService } from './auth/auth.service';
import { GracefulShutdown } from './common/graceful-shutdown';
import { APP_PINO, requestLogger } from './common/logging';

/**
 * Everything between the Nest app and the network, shared by main.ts and the API tests. The app
 * must be created with `{ bodyParser: false }`: request bodies are read by jsonBodiesOnly().
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  // First: every request gets an id (X-Request-Id) and a line in the JSON log, also one a later middleware refuses.
  app.use(requestLogger(app.get(APP_PINO)));
  app.use(app.get(GracefulShutdown).track);
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
  app.use(robotsTxt);
  app.use(requestContextMiddleware);
  app.use(cookieParser());
  app.use(noStoreForApi);
  app.use(sameOriginOnly(config.publicUrl));
  // Replaces Express' JSON parser: create the app with { bodyParser: false }.
  app.use(jsonBodiesOnly());
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  // SIGTERM/SIGINT: app.close() — GracefulShutdown first, then the mail worker, the access-log anchor, the database.
  app.enableShutdownHooks();

  if (config.apiDocs !== 'off') publishApiDocs(app, config.apiDocs);
}

/** What crawlers may index: nothing (a closed application). Plain text, not the client's HTML that the static files would answer. */
export const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';
function robotsTxt(req: Request, res: Response, next: NextFunction): void {
  if (req.path !== '/robots.txt' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
  res.type('text/plain').send(ROBOTS_TXT);
}

/** The OpenAPI document and its page at /api/docs, for anyone or (API_DOCS=authenticated) for signed-in users; the document is made at its first request. */
function publishApiDocs(app: INestApplication, access: 'public' | 'authenticated'): void {
  if (access === 'authenticated') app.use(apiDocsForSignedInUsers(app.get(AuthService)));
  // Built at the first request of the docs, not at start: scanning every route and schema is a good
  // part of a cold start, and most starts never serve the docs (issue #15). Built once, then kept.
  SwaggerModule.setup(API_DOCS_PATH, app, () => createApiDocument(app, 'api'));
}
