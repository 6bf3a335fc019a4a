import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CACHE_HASHED, CACHE_REVALIDATE } from '../src/client/client-files';
import { ADMIN, TestApp, type Agent } from './support/test-app';

// The built client as the real app serves it (ADR 0025): a folder laid out as `nx run client:build` leaves it, the
// compressed copies written by the build's own step (client/tools/precompress.cjs).
const MAIN = 'main-ABCD2345.js';
const STYLES = 'styles-EFGH6789.css';
const FONT = 'media/material-symbols-outlined-IJKL2345.woff2';
const INDEX = `<!doctype html><html lang="nl"><head><title>Casustafel</title><link rel="stylesheet" href="${STYLES}"></head>
<body><app-root></app-root><script src="${MAIN}" type="module"></script>${'<!-- padding -->'.repeat(40)}</body></html>`;
// The login page drawn without JavaScript (client/tools/login-shell.cjs, ADR 0031).
const LOGIN = INDEX.replace('<app-root>', '<div id="login-shell" aria-hidden="true" inert>Casustafel</div><app-root>');
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = () => 'Casustafel ${i}';`).join('\n');
const CSS = Array.from({ length: 200 }, (_, i) => `.row-${i} { padding: ${i}px; color: var(--mat-sys-primary); }`).join('\n');

describe('The built client, as the app serves it', () => {
  let dist: string;
  let t: TestApp;
  let web: Agent;
  const size = (file: string) => statSync(join(dist, file)).size;
  const get = (path: string, acceptEncoding: string) => web.get(path).set('Accept-Encoding', acceptEncoding);

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'casustafel-client-'));
    mkdirSync(join(dist, 'media'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, MAIN), SCRIPT);
    writeFileSync(join(dist, STYLES), CSS);
    writeFileSync(join(dist, FONT), Buffer.alloc(3000, 7));
    writeFileSync(join(dist, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(100)}</svg>`);
    writeFileSync(join(dist, '.env'), 'SECRET=1');
    mkdirSync(join(dist, 'inloggen'));
    writeFileSync(join(dist, 'inloggen', 'index.html'), LOGIN);
    execFileSync(process.execPath, [resolve(__dirname, '../../client/tools/precompress.cjs'), dist], { stdio: 'ignore' });
    t = await TestApp.start({ CLIENT_DIST: dist });
    web = t.anonymous();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a script as brotli to a browser that accepts it, as the build compressed it', async () => {
    const res = await get(`/${MAIN}`, 'gzip, deflate, br, zstd').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBe(size(`${MAIN}.br`));
    expect(size(`${MAIN}.br`)).toBeLessThan(SCRIPT.length / 5);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.text).toBe(SCRIPT);
  });

  it('sends gzip to a client that accepts gzip only, or rates brotli lower', async () => {
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0.5, gzip', 'br;q=0, gzip;q=0.8, *']) {
      const res = await get(`/${MAIN}`, accept).expect(200);
      expect([accept, res.headers['content-encoding'], Number(res.headers['content-length'])]).toEqual([
        accept,
        'gzip',
        size(`${MAIN}.gz`),
      ]);
      expect(res.text).toBe(SCRIPT);
    }
    const css = await get(`/${STYLES}`, 'gzip').expect(200);
    expect([css.headers['content-encoding'], css.headers['content-type']]).toEqual(['gzip', 'text/css; charset=utf-8']);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const accept of ['identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const res = await get(`/${MAIN}`, accept).expect(200);
      expect([accept, res.headers['content-encoding'], Number(res.headers['content-length'])]).toEqual([accept, undefined, SCRIPT.length]);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    }
  });

  it('lets browsers keep files with a content hash in their name for a year, without asking again', async () => {
    for (const file of [MAIN, STYLES, FONT]) {
      const res = await get(`/${file}`, 'br').expect(200);
      expect([file, res.headers['cache-control']]).toEqual([file, CACHE_HASHED]);
    }
    const font = await get(`/${FONT}`, 'gzip, br').expect(200);
    expect([font.headers['content-type'], font.headers['content-encoding'], font.headers['vary']]).toEqual([
      'font/woff2',
      undefined,
      undefined,
    ]);
  });

  it('makes browsers ask again for index.html and every file without a hash, so a new release is picked up', async () => {
    const index = await get('/', 'br').expect(200);
    expect(index.headers['cache-control']).toBe(CACHE_REVALIDATE);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.text).toBe(INDEX);
    expect((await get('/index.html', 'identity').expect(200)).headers['cache-control']).toBe(CACHE_REVALIDATE);
    const icon = await get('/favicon.svg', 'gzip').expect(200);
    expect([icon.headers['cache-control'], icon.headers['content-type']]).toEqual([CACHE_REVALIDATE, 'image/svg+xml']);
    // Asking again costs a 304 while nothing changed.
    const again = await get('/', 'br').set('If-None-Match', index.headers['etag']!);
    expect(again.status).toBe(304);
  });

  it("answers the client's own routes (deep links) with index.html", async () => {
    for (const path of ['/netwerken/1', '/netwerken/1/casussen?status=SUBMITTED', '/account/activeren?token=abc', '/overleggen/7']) {
      const res = await get(path, 'gzip').expect(200);
      expect([path, res.headers['content-type'], res.headers['cache-control'], res.text]).toEqual([
        path,
        'text/html; charset=utf-8',
        CACHE_REVALIDATE,
        INDEX,
      ]);
    }
    const head = await web.head('/netwerken/1').expect(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers a route the build wrote a document for (the login page) with that document, compressed and revalidated', async () => {
    for (const path of ['/inloggen', '/inloggen?melding=hersteld', '/inloggen/']) {
      const res = await get(path, 'gzip, br').expect(200);
      expect([path, res.headers['content-type'], res.headers['cache-control'], res.headers['content-encoding'], res.text]).toEqual([
        path,
        'text/html; charset=utf-8',
        CACHE_REVALIDATE,
        'br',
        LOGIN,
      ]);
    }
    // Every other route still gets index.html, without the login page in it.
    expect((await get('/inloggen-niet', 'br').expect(200)).text).toBe(INDEX);
  });

  it('answers a missing file with 404, not with the HTML page, and never serves dotfiles or files outside the folder', async () => {
    await get('/chunk-GONE2345.js', 'br').expect(404);
    await get('/.env', 'identity').expect(404);
    await get(`/${MAIN}.br`, 'identity').expect(200); // a file the folder holds, as it is
    const outside = await get('/..%2f..%2f..%2fetc%2fpasswd', 'identity');
    expect(outside.text).not.toContain('root:');
  });

  it('leaves the API as it was: JSON, no-store, not compressed, and no HTML page for an unknown API route', async () => {
    const me = await t.anonymous().get('/api/auth/me').set('Accept-Encoding', 'gzip, br').expect(401);
    expect([me.headers['content-type'], me.headers['cache-control'], me.headers['content-encoding']]).toEqual([
      'application/json; charset=utf-8',
      'no-store',
      undefined,
    ]);
    const admin = await t.login(ADMIN.email, ADMIN.password);
    const signedIn = await admin.get('/api/auth/me').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(signedIn.body.email).toBe(ADMIN.email);
    const unknown = await t.anonymous().get('/api/bestaat-niet').set('Accept-Encoding', 'br').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toBe(unknown.text);
  });
});
