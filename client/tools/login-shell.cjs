// Writes the document served for /inloggen (ADR 0031): the built index.html with the login page drawn in HTML and CSS
// (client/src/login-shell.html, its texts from nl.json) before <app-root>, and the two Roboto weights it shows
// preloaded, so that the page's first and largest paint wait for the HTML and the stylesheet only, not for Angular.
// The API serves <folder>/index.html for a path that has one (api/src/client/client-files.ts). Run on the built client
// after preload-initial.cjs and before it is compressed: `node client/tools/login-shell.cjs dist/client/browser`.
const { mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const SHELL = join(__dirname, '../src/login-shell.html');
const DUTCH = join(__dirname, '../src/app/i18n/nl.json');

/** The shell's markup with each {{key}} replaced by its Dutch text (HTML-escaped); an unknown key is an error. */
function shellMarkup(template, translations) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return template
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/\{\{([\w.]+)\}\}/g, (_, key) => {
      const text = key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), translations);
      if (typeof text !== 'string') throw new Error(`login-shell.html: no Dutch text for ${key}`);
      return escape(text);
    })
    .trim();
}

/** The stylesheet's Roboto files (latin, 400 and 500) as preload links. */
function fontPreloads(dir, html) {
  const css = /<link rel="stylesheet" href="(styles-[\w]+\.css)"/.exec(html);
  if (!css) throw new Error('No stylesheet in index.html');
  const fonts = [
    ...readFileSync(join(dir, css[1]), 'utf8').matchAll(/url\(["']?\.?\/?(media\/roboto-latin-(?:400|500)-normal-[\w]+\.woff2)["']?\)/g),
  ].map((m) => m[1]);
  return [...new Set(fonts)].map((f) => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin>`).join('');
}

/** Writes `dir`/inloggen/index.html; returns its path. */
function writeLoginDocument(dir, template = readFileSync(SHELL, 'utf8'), translations = JSON.parse(readFileSync(DUTCH, 'utf8'))) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  if (!html.includes('<app-root></app-root>')) throw new Error('No <app-root></app-root> in index.html');
  const withShell = html
    .replace('</head>', `${fontPreloads(dir, html)}</head>`)
    .replace('<app-root></app-root>', `${shellMarkup(template, translations)}<app-root></app-root>`);
  mkdirSync(join(dir, 'inloggen'), { recursive: true });
  const out = join(dir, 'inloggen', 'index.html');
  writeFileSync(out, withShell);
  return out;
}

module.exports = { shellMarkup, writeLoginDocument };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node client/tools/login-shell.cjs <built client folder>');
    process.exit(1);
  }
  console.log(`Login page drawn without JavaScript: ${writeLoginDocument(dir)}`);
}
