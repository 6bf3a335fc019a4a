import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'casustafel_session';

/** httpOnly, SameSite=Strict, and Secure whenever the request came in over HTTPS (set TRUST_PROXY behind a proxy). */
export function sessionCookieOptions(request: Request, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}
