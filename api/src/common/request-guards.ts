import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { scan } from 'secure-json-parse';
import type { ApiError } from '@casustafel/contract/errors';

/**
 * The first things every request meets, before Nest sees it: the origin check, the content-type
 * check and our own JSON body parser (Express' parser is switched off, see main.ts). They answer
 * themselves, in Dutch, instead of passing errors on: an error passed on in Express would reach the
 * static-client module, which turns every error under /api into a 404.
 */

/** Request bodies above this size get 413. Minutes (up to 200 sections of text) are the largest. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Objects and arrays nested deeper than this get 400, before the text is parsed. */
export const MAX_JSON_DEPTH = 32;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const REQUEST_MESSAGES = {
  foreignOrigin: 'Dit verzoek komt van een andere website dan Casustafel en is daarom geweigerd.',
  notJson: 'Stuur de gegevens als JSON (Content-Type: application/json).',
  compressed: 'Stuur de gegevens zonder compressie (geen Content-Encoding).',
  tooLarge: `Het verzoek is te groot: stuur hoogstens ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  notUtf8: 'De gegevens in het verzoek zijn geen geldige UTF-8-tekst.',
  malformed: "De gegevens in het verzoek zijn geen geldige JSON. Controleer aanhalingstekens, komma's en haakjes.",
  tooDeep: `De gegevens in het verzoek zijn te diep genest (hoogstens ${MAX_JSON_DEPTH} niveaus).`,
  notAnObject: 'Stuur de gegevens als één JSON-object, tussen { en }.',
  forbiddenKey: 'Het verzoek bevat een veldnaam die niet is toegestaan (__proto__ of constructor.prototype).',
  invalidCharacter: 'Het verzoek bevat een ongeldig teken (U+0000 of een half Unicode-teken). Verwijder het en probeer het opnieuw.',
} as const;

export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

function refuse(res: Response, status: number, message: string): void {
  const body: ApiError = { statusCode: status, message, error: STATUS_CODES[status] ?? 'Error' };
  res.status(status).json(body);
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** Nothing under /api may be kept by a browser or proxy cache; files and feeds set their own headers later. */
export const noStoreForApi: RequestHandler = (req, res, next) => {
  if (isApi(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * A request to the API with an Origin header must come from the app's own origin: PUBLIC_URL when
 * set, else the scheme and host the request itself names (behind a proxy only when TRUST_PROXY says
 * so). Clients without a browser send no Origin and are not affected. The client's own files are
 * left alone: a browser sends Origin for module scripts and fonts too, and a blank page would say
 * less about a wrong PUBLIC_URL than the Dutch 403 the API gives.
 */
export function sameOriginOnly(publicUrl: string | null): RequestHandler {
  const fixed = publicUrl ? new URL(publicUrl).origin : null;
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || !isApi(req.path)) return next();
    const own = fixed ?? requestOrigin(req);
    if (own !== null && normaliseOrigin(origin) === own) return next();
    refuse(res, 403, REQUEST_MESSAGES.foreignOrigin);
  };
}

function requestOrigin(req: Request): string | null {
  return req.host ? normaliseOrigin(`${req.protocol}://${req.host}`) : null;
}

function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/** application/json, with at most a UTF-8 charset (other parameters are ignored). */
export function isJsonContentType(header: string): boolean {
  const [type, ...parameters] = header.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') return true;
    return ['utf-8', 'utf8'].includes(value.trim().replace(/^"|"$/g, '').toLowerCase());
  });
}

/**
 * State-changing requests carry JSON or nothing at all. Form-encoded, multipart and text/plain
 * bodies are what a form on another website can send without the app's consent, so any other
 * Content-Type gets 415, even with an empty body. A request without a Content-Type passes only when
 * it has no body. The JSON is parsed here with the limits in this file.
 */
export function jsonBodiesOnly(limit = MAX_BODY_BYTES): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const contentType = req.headers['content-type'];
    if (contentType !== undefined && !isJsonContentType(contentType)) return refuse(res, 415, REQUEST_MESSAGES.notJson);
    const encoding = req.headers['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') return refuse(res, 415, REQUEST_MESSAGES.compressed);
    if (Number(req.headers['content-length'] ?? 0) > limit) return discardAndRefuse(req, res, 413, REQUEST_MESSAGES.tooLarge);

    const raw = await readBody(req, limit);
    if (raw === 'aborted') return;
    if (raw === 'too-large') return refuse(res, 413, REQUEST_MESSAGES.tooLarge);
    if (contentType === undefined) {
      if (raw.length > 0) return refuse(res, 415, REQUEST_MESSAGES.notJson);
      return next();
    }
    try {
      req.body = parseJsonBody(decodeUtf8(raw));
    } catch (error) {
      if (error instanceof RequestRefused) return refuse(res, error.status, error.message);
      throw error;
    }
    next();
  };
}

function discardAndRefuse(req: Request, res: Response, status: number, message: string): void {
  req.resume();
  refuse(res, status, message);
}

/** The body as bytes; 'too-large' as soon as it passes the limit (the rest is discarded unread). */
function readBody(req: Request, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | 'too-large' | 'aborted' | Error) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle('too-large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(Buffer.concat(chunks, size));
    const onError = () => settle('aborted');
    const onClose = () => settle(req.complete ? Buffer.concat(chunks, size) : 'aborted');
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw new RequestRefused(400, REQUEST_MESSAGES.notUtf8);
  }
}

/**
 * True when objects and arrays in this JSON text nest deeper than `max`. Works on the raw text, so
 * that a hostile body is refused before JSON.parse or the validation (which recurses) ever see it;
 * brackets inside strings, escaped quotes included, do not count.
 */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c /* \ */) i++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/**
 * A request body as a plain object: an empty text is `{}`; anything that is not a JSON object, is
 * nested too deeply, has a `__proto__` or `constructor.prototype` key (secure-json-parse) or holds
 * text that is not proper Unicode is refused with 400: a NUL character (PostgreSQL cannot store
 * it) or half of a surrogate pair (no database stores it as sent, and validator.js's isEmail
 * throws on it).
 */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) throw new RequestRefused(400, REQUEST_MESSAGES.tooDeep);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestRefused(400, REQUEST_MESSAGES.malformed);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RequestRefused(400, REQUEST_MESSAGES.notAnObject);
  try {
    scan(value, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw new RequestRefused(400, REQUEST_MESSAGES.forbiddenKey);
  }
  if (holdsInvalidText(value)) throw new RequestRefused(400, REQUEST_MESSAGES.invalidCharacter);
  return value as Record<string, unknown>;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isInvalidText = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Recursion is safe here: the depth was checked on the text. */
function holdsInvalidText(value: unknown): boolean {
  if (typeof value === 'string') return isInvalidText(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsInvalidText);
  return Object.entries(value).some(([key, item]) => isInvalidText(key) || holdsInvalidText(item));
}
