import type { RequestHandler } from 'express';
import type { ApiError } from '@casustafel/contract/errors';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

export const API_DOCS_PATH = 'api/docs';
export const API_DOCS_SIGN_IN = 'Log in om de API-documentatie te lezen.';

/** /api/docs, its assets, /api/docs-json and /api/docs-yaml. */
export const isApiDocsPath = (path: string): boolean =>
  path === `/${API_DOCS_PATH}` || path.startsWith(`/${API_DOCS_PATH}/`) || path.startsWith(`/${API_DOCS_PATH}-`);

/**
 * API_DOCS=authenticated: the OpenAPI document and its page only for a valid session. Swagger's
 * routes are plain Express routes, outside Nest's guards, so this runs before them.
 */
export function apiDocsForSignedInUsers(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    if (!isApiDocsPath(req.path)) return next();
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) {
      const viewer = await auth.authenticate(token).catch(() => null);
      if (viewer) return next();
    }
    const body: ApiError = { statusCode: 401, message: API_DOCS_SIGN_IN, error: 'Unauthorized' };
    res.status(401).json(body);
  };
}
