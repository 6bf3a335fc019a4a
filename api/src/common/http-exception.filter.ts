import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@casustafel/contract/errors';

const DUTCH_DEFAULTS: Record<number, string> = {
  400: 'Het verzoek is niet geldig.',
  401: 'Je bent niet ingelogd. Log in om verder te gaan.',
  403: 'Je hebt geen toestemming voor deze handeling.',
  404: 'Niet gevonden.',
  409: 'Dit botst met gegevens die er al zijn.',
  413: 'Het verzoek is te groot.',
  429: 'Te veel verzoeken. Probeer het over een minuut opnieuw.',
};

/**
 * Turns every error into `{statusCode, message, error}` with a Dutch message. Unexpected errors
 * become a 500 without details; the log gets the error's type and stack frames, never its message,
 * which could quote data (a database error can echo the values of a row).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logUnexpected(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const error = STATUS_CODES[statusCode] ?? 'Error';
      if (typeof raw === 'object' && raw !== null) {
        const r = raw as Partial<ApiError> & { message?: string | string[] };
        const message = Array.isArray(r.message) ? r.message.join(' ') : r.message;
        return {
          ...(r as object),
          statusCode,
          message: this.dutch(statusCode, message),
          error: r.error ?? error,
        } as ApiError;
      }
      return { statusCode, message: this.dutch(statusCode, String(raw)), error };
    }
    if (exception instanceof QueryFailedError && /unique|duplicate/i.test(exception.message)) {
      return { statusCode: 409, message: 'Dit bestaat al.', error: 'Conflict' };
    }
    return {
      statusCode: 500,
      message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, meld het dan bij de beheerder.',
      error: 'Internal Server Error',
    };
  }

  /** Nest's own English default messages ("Cannot GET /x", "Forbidden resource") become Dutch. */
  private dutch(statusCode: number, message: string | undefined): string {
    const english =
      !message ||
      /^(Cannot \w+ |Forbidden resource|Unauthorized|Not Found|Bad Request|Too Many Requests|Internal server error|ThrottlerException)/.test(
        message,
      );
    if (english || message === STATUS_CODES[statusCode]) return DUTCH_DEFAULTS[statusCode] ?? 'Er ging iets mis.';
    return message;
  }

  private logUnexpected(exception: unknown): void {
    if (exception instanceof Error) {
      const frames = (exception.stack ?? '').split('\n').slice(1, 8).join('\n');
      this.logger.error(`${exception.name} (message withheld)\n${frames}`);
    } else {
      this.logger.error('Unexpected non-Error thrown');
    }
  }
}
