import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '../config/app-config';

/**
 * The application log (ADR 0023): one JSON object per line, through pino. What reaches it is
 * limited by construction, because client data must never be logged:
 *
 * - a request line has the method, the route PATTERN (`/api/cases/:id`, never the URL: the case list's
 *   `?q=` is a surname search), the status, the duration and the request id — no headers, cookies,
 *   query, body or address;
 * - an error is logged by its type and stack frames, never its message (which can quote data);
 * - e-mail addresses in any message are replaced by `[e-mail]`, as a last line of defence.
 */

/** An incoming X-Request-Id is taken over when it is a short token (a proxy's or load balancer's id); anything else is replaced. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Anything shaped like an e-mail address. */
const EMAIL = /[^\s@<>()[\]{}"',;:]+@[^\s@<>()[\]{}"',;:]+\.[A-Za-z]{2,}/g;
export const scrubEmails = (text: string): string => text.replace(EMAIL, '[e-mail]');

/** Injection token of the pino instance the app logs through (one per app). */
export const APP_PINO = Symbol('APP_PINO');

type RawRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; id?: unknown };

/** The route pattern the request matched (`/api/cases/:id`), or null when no route matched (the path could hold anything). */
export function routePattern(req: RawRequest): string | null {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : null;
}

/** An error's type and stack frames; never its message (the first line of the stack repeats it and is left out). */
export function errorForLog(error: unknown): { type: string; stack?: string } {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as { name?: unknown; type?: unknown; stack?: unknown };
  const type = typeof e.name === 'string' ? e.name : typeof e.type === 'string' ? e.type : 'Error';
  const frames = (typeof e.stack === 'string' ? e.stack : '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return { type, ...(frames ? { stack: frames } : {}) };
}

/** The app's pino logger; `destination` replaces stdout (tests give a buffer). */
export function createAppLogger(config: AppConfig, destination?: DestinationStream): Pino {
  return pino(
    {
      level: config.logLevel,
      base: { app: 'casustafel' },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorForLog, error: errorForLog },
      // Defence in depth: should anything put these on a log object, they are removed.
      redact: {
        paths: [
          'req.headers',
          'req.query',
          'req.body',
          'req.url',
          'req.cookies',
          'res.headers',
          'headers',
          'body',
          'query',
          'email',
          '*.email',
        ],
        remove: true,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg: unknown) => (typeof arg === 'string' ? scrubEmails(arg) : arg)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/** What a request line says: never the URL, headers, query or body. */
function requestLine(req: IncomingMessage, res: ServerResponse, values: Record<string, unknown>): Record<string, unknown> {
  return { method: req.method, route: routePattern(req as RawRequest), statusCode: res.statusCode, durationMs: values['durationMs'] };
}

const requestMessage = (req: IncomingMessage, res: ServerResponse): string =>
  `${req.method} ${routePattern(req as RawRequest) ?? '(no route)'} ${res.statusCode}`;

/** The request log and request id: Express middleware, the first the app uses, so that every answer carries an id and is logged. */
export function requestLogger(logger: Pino): HttpLogger {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId(req: IncomingMessage, res: ServerResponse): string {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // The response line is bound to the request id only; its fields are made when the response is done,
    // when the route that matched is known.
    quietResLogger: true,
    customSuccessObject: (req, res, values: Record<string, unknown>) => requestLine(req, res, values),
    customErrorObject: (req, res, error, values: Record<string, unknown>) => ({
      ...requestLine(req, res, values),
      err: errorForLog(error),
    }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => requestMessage(req, res),
    customErrorMessage: (req, res) => requestMessage(req, res),
  });
}

/**
 * Bridges Nest's Logger to pino (nestjs-pino): `app.useLogger(app.get(Logger))` in main.ts sends every
 * `new Logger('Context').log(…)` to the JSON log, bound to the request it happens in (its request id).
 * The HTTP middleware itself is `requestLogger`, installed first in configureApp.
 */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const logger = createAppLogger(config, destination);
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { logger },
          useExisting: true,
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
      ],
      providers: [{ provide: APP_PINO, useValue: logger }],
      exports: [APP_PINO, LoggerModule],
    };
  }
}
