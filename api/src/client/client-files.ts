import { statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Serves the built client (ADR 0025): each file as the brotli or gzip copy the build wrote next to it
 * (client/tools/precompress.cjs), chosen by the request's Accept-Encoding; files whose name carries Angular's content
 * hash cached for a year and never revalidated, everything else (index.html above all) revalidated on every use, so a
 * new release is picked up at once; for every other path outside /api (the client's own routes) the document written
 * for that route at build time if there is one (`inloggen/index.html`, the login form without Angular, ADR 0032;
 * ADR 0031), else index.html.
 */

/** Angular's output names: `main-ABCD1234.js`, `chunk-…`, `styles-…`, `media/roboto-latin-400-normal-LOX3CHMS.woff2`. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

export type ContentCoding = 'br' | 'gzip';
const SUFFIX: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The content codings this Accept-Encoding header allows, best first: brotli before gzip where the client rates them
 * the same (it is smaller), and none that it refuses with q=0 or leaves out (`*` stands for any not named).
 */
export function acceptedCodings(header: string | undefined): ContentCoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    // An unreadable weight counts as a refusal.
    const weight = parameters.map((p) => /^\s*q\s*=(.*)$/.exec(p)?.[1]).find((w) => w !== undefined);
    const value = weight === undefined ? 1 : /^\s*[0-9.]+\s*$/.test(weight) ? Number(weight) : 0;
    q.set(coding.trim(), Number.isFinite(value) ? value : 0);
  }
  const quality = (coding: string) => q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((coding) => quality(coding) > 0).sort((a, b) => quality(b) - quality(a) || (a === 'br' ? -1 : 1));
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

export function clientFiles(dist: string): RequestHandler {
  const root = resolve(dist);
  const index = resolve(root, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api' || req.path.startsWith('/api/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = resolve(root, `.${path}`);
    // Within the folder, no dotfiles (.env and the like), no NUL.
    const inside =
      file.startsWith(root + sep) &&
      !path.includes('\0') &&
      !relative(root, file)
        .split(sep)
        .some((s) => s.startsWith('.'));
    if (inside && isFile(file)) return send(req, res, next, file, root);
    // A missing file (an old chunk after a release) is a 404, not the HTML page in its place.
    if (/\.[A-Za-z0-9]+$/.test(path)) return next();
    const routeDocument = resolve(file, 'index.html');
    if (inside && isFile(routeDocument)) return send(req, res, next, routeDocument, root);
    return send(req, res, next, index, root);
  };
}

function send(req: Request, res: Response, next: NextFunction, file: string, root: string): void {
  const name = relative(root, file);
  const variants = (['br', 'gzip'] as const).filter((coding) => isFile(file + SUFFIX[coding]));
  const coding = acceptedCodings(req.headers['accept-encoding']).find((c) => variants.includes(c));
  res.setHeader('Cache-Control', HASHED.test(name) ? CACHE_HASHED : CACHE_REVALIDATE);
  if (variants.length > 0) res.vary('Accept-Encoding');
  // The type of the file itself, not of its .br or .gz copy.
  res.type(extname(file));
  const headers: Record<string, string> = coding ? { 'Content-Encoding': coding } : {};
  res.sendFile(coding ? name + SUFFIX[coding] : name, { root, headers, cacheControl: false }, (error?: NodeJS.ErrnoException) => {
    if (!error || res.headersSent) return;
    // Removed between the check and the read (a new release being copied in): as if it had never been there.
    if (error.code === 'ENOENT') return next();
    next(error);
  });
}
