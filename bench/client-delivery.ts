/**
 * Benchmark (not a test): what the login page costs to download, from the built client (`dist/client/browser`, or
 * CLIENT_DIST) served by the real app. Builds nothing: run `npx nx run client:build` first. Debian's Chromium opens the
 * login page once to learn which files it loads; then each file is fetched over HTTP from the app with brotli, with
 * gzip and without compression, counting the bytes of body and headers. The target (issue #15): the login page's
 * JavaScript at most 200 kB gzip on the wire. The floor: the same precompressed files from a bare node:http server,
 * which sends only the headers a file needs (the app adds the security headers to every response). Time: median over
 * BENCH_RUNS of fetching all the page's files one after another over one keep-alive connection on loopback.
 * Run: npm run bench
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Agent, createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { AppModule } from '../api/src/app.module';
import { configureApp } from '../api/src/bootstrap';
import { acceptedCodings, CACHE_HASHED, CACHE_REVALIDATE } from '../api/src/client/client-files';
import { Clock } from '../api/src/common/clock';
import { readConfig } from '../api/src/config/app-config';
import { median, writeSection } from './report';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const DIST = resolve(process.env['CLIENT_DIST'] ?? join(__dirname, '../dist/client/browser'));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const TARGET_GZIP_JS = 200_000;
/**
 * Measured once, by hand, against main at 0e243e6 (before issue #15: @nestjs/serve-static, nothing compressed, the whole
 * icon font): what Chromium received for the login page, headers included. Kept here because the benchmark rewrites its
 * whole section.
 */
const BEFORE = { measured: '2026-11-28', scripts: 28, javascript: 921_667, page: 4_994_677 };
const ENCODINGS = [
  ['brotli', 'br'],
  ['gzip', 'gzip'],
  ['none', 'identity'],
] as const;

type Fetched = { body: number; headers: number; encoding: string | undefined };

/** One GET: body bytes as sent (not decoded), header bytes as sent (status line and header lines). */
function fetchBytes(base: string, path: string, acceptEncoding: string, agent: Agent): Promise<Fetched> {
  return new Promise((done, fail) => {
    get(`${base}${path}`, { agent, headers: { 'Accept-Encoding': acceptEncoding } }, (res: IncomingMessage) => {
      let body = 0;
      res.on('data', (chunk: Buffer) => (body += chunk.length));
      res.on('end', () => {
        if (res.statusCode !== 200) return fail(new Error(`${path}: ${res.statusCode}`));
        let headers = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
        done({ body, headers, encoding: res.headers['content-encoding'] });
      });
      res.on('error', fail);
    }).on('error', fail);
  });
}

/** The floor: the same files and compressed copies, with only Content-Type, Content-Encoding, Content-Length, Cache-Control. */
function floorServer(): Server {
  const types: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.html': 'text/html; charset=utf-8',
  };
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://floor').pathname;
    const file = join(DIST, path === '/' || !extname(path) ? 'index.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404).end();
    const coding = acceptedCodings(req.headers['accept-encoding']).find((c) => existsSync(file + (c === 'br' ? '.br' : '.gz')));
    const bytes = readFileSync(coding ? file + (coding === 'br' ? '.br' : '.gz') : file);
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      ...(coding ? { 'Content-Encoding': coding } : {}),
      'Content-Length': bytes.length,
      'Cache-Control': /-[A-Z0-9]{8}\.[a-z0-9]+$/.test(file) ? CACHE_HASHED : CACHE_REVALIDATE,
    });
    res.end(bytes);
  });
}

async function startApp(): Promise<INestApplication> {
  const config = readConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: ':memory:',
    SEED_DEMO_DATA: 'false',
    CLIENT_DIST: DIST,
    CASUSTAFEL_DATA_KEY: randomBytes(32).toString('base64'),
    MAIL_INTERVAL_SECONDS: '0',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config, new Clock()), { logger: false, bodyParser: false });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** The files the login page loads, as Chromium requests them, by kind. */
async function loginPageFiles(base: string): Promise<{ path: string; kind: string }[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  try {
    const page = await browser.newPage();
    const files: { path: string; kind: string }[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === base && !url.pathname.startsWith('/api/')) files.push({ path: url.pathname, kind: request.resourceType() });
    });
    await page.goto(`${base}/inloggen`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    return files;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No built client in ${DIST}: run npx nx run client:build first.`);
  const app = await startApp();
  const floor = floorServer();
  await new Promise<void>((done) => floor.listen(0, '127.0.0.1', done));
  const appBase = await app.getUrl().then((url) => url.replace('[::1]', '127.0.0.1'));
  const floorBase = `http://127.0.0.1:${(floor.address() as AddressInfo).port}`;
  try {
    const files = await loginPageFiles(appBase);
    const scripts = files.filter((f) => f.kind === 'script');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sum = async (base: string, list: typeof files, accept: string) => {
      const total = { body: 0, headers: 0, encoded: 0 };
      for (const f of list) {
        const r = await fetchBytes(base, f.path, accept, agent);
        total.body += r.body;
        total.headers += r.headers;
        if (r.encoding) total.encoded++;
      }
      return total;
    };
    const rawJs = scripts.reduce((n, f) => n + statSync(join(DIST, f.path)).size, 0);
    const rows: string[] = [];
    const js: Record<string, { body: number; headers: number }> = {};
    for (const [label, accept] of ENCODINGS) {
      const app = await sum(appBase, scripts, accept);
      const bare = await sum(floorBase, scripts, accept);
      const page = await sum(appBase, files, accept);
      js[label] = app;
      rows.push(
        `| ${label} | ${kB(app.body)} | ${kB(app.body + app.headers)} | ${kB(bare.body + bare.headers)} | ${kB(page.body + page.headers)} |`,
      );
    }
    const timeApp = await median(RUNS, () => sum(appBase, files, 'gzip, deflate, br'));
    const timeFloor = await median(RUNS, () => sum(floorBase, files, 'gzip, deflate, br'));
    agent.destroy();
    const gzipOnWire = js['gzip']!.body + js['gzip']!.headers;
    const kinds = Object.entries(files.reduce<Record<string, number>>((k, f) => ({ ...k, [f.kind]: (k[f.kind] ?? 0) + 1 }), {}))
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');

    writeSection(
      'client-delivery',
      `
## Client delivery: the login page (\`bench/client-delivery.ts\`)

The built client (\`dist/client/browser\`) served by the real app, as Chromium loads the login page: ${files.length} files
(${kinds}), of which ${scripts.length} JavaScript files, ${kB(rawJs)} uncompressed. Each file fetched from the app once
per encoding, counting the bytes sent: the body alone, and body with the response headers. Floor: the same
precompressed files from a bare \`node:http\` server that sends only the headers a file needs; the bodies are the same
bytes, so the difference is the app's headers (security headers, request id) on every response. Target (issue #15): the
login page's JavaScript at most ${kB(TARGET_GZIP_JS)} gzip on the wire.

| encoding | JavaScript, bodies | JavaScript on the wire | floor on the wire | whole page on the wire |
|---|---|---|---|---|
${rows.join('\n')}

JavaScript with gzip on the wire: **${kB(gzipOnWire)}**, ${gzipOnWire <= TARGET_GZIP_JS ? 'within' : 'OVER'} the ${kB(TARGET_GZIP_JS)} target
(${((100 * gzipOnWire) / TARGET_GZIP_JS).toFixed(0)} %). Before issue #15 (main at 0e243e6, measured ${BEFORE.measured} in Chromium): ${BEFORE.scripts}
scripts, ${kB(BEFORE.javascript)} of JavaScript and ${kB(BEFORE.page)} in all on the wire, nothing compressed, the 4 MB icon font included. Fetching the whole page's ${files.length} files one after another over one
keep-alive connection on loopback (browser's Accept-Encoding), median of ${RUNS}: ${timeApp.median.toFixed(1)} ms from the app,
${timeFloor.median.toFixed(1)} ms from the floor. On ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version},
measured ${new Date().toISOString().slice(0, 10)}.
`,
    );
  } finally {
    floor.close();
    await app.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
