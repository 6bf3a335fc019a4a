/**
 * The last step of `nx run api:build` (ADR 0027): bundles the compiled server (dist/api/api/src/server.js,
 * tsc's output with its decorator metadata) and the libraries it loads at start into one file beside it,
 * server.bundle.js, which main.js starts with V8's code cache. Left out of the bundle, and required from
 * node_modules when first used:
 * - native addons (better-sqlite3, argon2) and optional packages that are not installed (Nest's
 *   microservices, TypeORM's other drivers, …): whatever cannot be resolved here stays a plain require;
 * - what the server loads only at first use, on purpose (issue #15): pdfkit and its fonts (in the PDF
 *   worker, which runs the unbundled dist/api/api/src/common/pdf.worker.js), piscina, the password
 *   strength estimator, otplib, nodemailer and the API docs' assets.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiOnly } from './ascii-only.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/api/api/src');

const ADDONS = ['better-sqlite3', 'argon2'];
const LOADED_AT_FIRST_USE = ['pdfkit', 'fontkit', 'piscina', '@zxcvbn-ts/*', 'otplib', 'nodemailer', 'swagger-ui-dist'];

/** Bare imports that cannot be resolved from where they are imported stay requires (optional packages; their callers catch). */
const optionalPackages = {
  name: 'optional-packages',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      try {
        createRequire(join(args.resolveDir, 'index.js')).resolve(args.path);
        return undefined;
      } catch {
        return { path: args.path, external: true };
      }
    });
  },
};

const result = await build({
  entryPoints: [join(out, 'server.js')],
  outfile: join(out, 'server.bundle.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Resolve packages as Node's require() does (conditions node, require, default). esbuild adds the `module`
  // condition by default, which picked tslib's ES module build: wrapped for require(), every compiled file's
  // require('tslib') then copied its forty helpers onto a fresh object (some 250 times per start).
  conditions: [],
  // Whitespace and syntax only: names stay as written, so a stack trace in the log still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // Nest and TypeORM read class names (providers, entities, migrations): keep them.
  keepNames: true,
  sourcemap: 'linked',
  external: [...ADDONS, ...LOADED_AT_FIRST_USE],
  plugins: [optionalPackages],
  logLevel: 'error',
  metafile: true,
  legalComments: 'linked',
});

// Pure ASCII, so that a start reads it as it is (ascii-only.mjs, start-bundle.ts).
const bundleFile = join(out, 'server.bundle.js');
const mapFile = `${bundleFile}.map`;
const map = JSON.parse(readFileSync(mapFile, 'utf8'));
const ascii = asciiOnly(readFileSync(bundleFile, 'utf8'), map.mappings);
writeFileSync(bundleFile, ascii.code);
writeFileSync(mapFile, JSON.stringify({ ...map, mappings: ascii.mappings }));

const bytes = Buffer.byteLength(ascii.code);
const modules = Object.keys(result.metafile.inputs).length;
console.log(`${relative(root, bundleFile)}: ${modules} modules, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
