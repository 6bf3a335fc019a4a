// Writes the document served for /inloggen (ADR 0031, 0032): the built index.html with the login page as plain HTML
// (client/src/login-shell.html, its texts from nl.json) before <app-root>, its script (client/src/login.js, copied as
// login-<hash>.js so that it is cached like Angular's files) and the two Roboto weights it shows preloaded — and
// without Angular's scripts: the page's first paint, largest paint and signing in wait for the HTML, the stylesheet
// and a few kilobytes of script only. Angular's entry script and its preloads are listed on #login-shell
// (data-app, data-preload) for login.js to start the app when the visitor needs more than the form.
// The API serves <folder>/index.html for a path that has one (api/src/client/client-files.ts). Run on the built client
// after preload-initial.cjs and before it is compressed: `node client/tools/login-shell.cjs dist/client/browser`.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const SHELL = join(__dirname, '../src/login-shell.html');
const SCRIPT = join(__dirname, '../src/login.js');
const DUTCH = join(__dirname, '../src/app/i18n/nl.json');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The shell's markup with each {{key}} replaced by its Dutch text (HTML-escaped); an unknown key is an error. */
function shellMarkup(template, translations) {
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

/** The script under a name with its content's hash (8 characters, as Angular names its files); older copies removed. */
function copyScript(dir, script) {
  const hash = createHash('sha256').update(script).digest();
  let name = '';
  for (let i = 0; i < 8; i++) name += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[hash[i] % 32];
  const file = `login-${name}.js`;
  for (const old of readdirSync(dir))
    if (/^login-[A-Z2-7]{8}\.js(\.br|\.gz)?$/.test(old) && !old.startsWith(file)) unlinkSync(join(dir, old));
  writeFileSync(join(dir, file), script);
  return file;
}

/** Writes `dir`/inloggen/index.html and the login script beside index.html; returns the document's path. */
function writeLoginDocument(
  dir,
  template = readFileSync(SHELL, 'utf8'),
  translations = JSON.parse(readFileSync(DUTCH, 'utf8')),
  script = readFileSync(SCRIPT, 'utf8'),
) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  if (!html.includes('<app-root></app-root>')) throw new Error('No <app-root></app-root> in index.html');
  const entries = [...html.matchAll(/<script src="([\w.-]+\.js)" type="module"><\/script>/g)];
  if (entries.length === 0) throw new Error('No module script in index.html');
  const preloads = [...html.matchAll(/<link rel="modulepreload" href="([\w.-]+\.js)">/g)];
  const markup = shellMarkup(template, translations);
  if (!markup.includes('<div id="login-shell"')) throw new Error('login-shell.html: no <div id="login-shell">');
  const withApp = markup.replace(
    '<div id="login-shell"',
    `<div id="login-shell" data-app="${entries.map((m) => m[1]).join(' ')}" data-preload="${preloads.map((m) => m[1]).join(' ')}"`,
  );
  let document = html;
  for (const m of [...entries, ...preloads]) document = document.replace(m[0], '');
  document = document
    .replace('</head>', `${fontPreloads(dir, html)}<script src="${copyScript(dir, script)}" defer></script></head>`)
    .replace('<app-root></app-root>', `${withApp}<app-root></app-root>`);
  mkdirSync(join(dir, 'inloggen'), { recursive: true });
  const out = join(dir, 'inloggen', 'index.html');
  writeFileSync(out, document);
  return out;
}

module.exports = { shellMarkup, writeLoginDocument };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node client/tools/login-shell.cjs <built client folder>');
    process.exit(1);
  }
  console.log(`Login page without Angular: ${writeLoginDocument(dir)}`);
}
