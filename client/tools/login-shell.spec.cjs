// The document served for /inloggen: the login page as plain HTML, without Angular's scripts (ADR 0031, 0032).
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { shellMarkup, writeLoginDocument } = require('./login-shell.cjs');

const INDEX =
  '<html><head><link rel="stylesheet" href="styles-AAAAAAAA.css"></head><body><app-root></app-root><script src="main-BBBBBBBB.js" type="module"></script></body></html>';
const CSS =
  '@font-face{src:url("./media/roboto-latin-400-normal-CCCCCCCC.woff2")}@font-face{src:url("./media/roboto-greek-400-normal-DDDDDDDD.woff2")}@font-face{src:url(./media/roboto-latin-500-normal-EEEEEEEE.woff2)}';

describe('the login page without Angular', () => {
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casustafel-shell-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'styles-AAAAAAAA.css'), CSS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes inloggen/index.html: the form before <app-root>, the Dutch texts filled in, the latin Roboto preloaded, Angular listed but not loaded', () => {
    const template =
      '<!-- how it works -->\n<div id="login-shell" inert><p>{{login.tagline}}</p><span>{{shell.otherLanguage}}</span></div>';
    const out = writeLoginDocument(dir, template, {
      login: { tagline: 'Overleg <vertrouwelijk> & veilig' },
      shell: { otherLanguage: 'English' },
    });
    expect(out).toBe(join(dir, 'inloggen', 'index.html'));
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(
      '<div id="login-shell" data-app="main-BBBBBBBB.js" data-preload="" inert><p>Overleg &lt;vertrouwelijk&gt; &amp; veilig</p><span>English</span></div><app-root></app-root>',
    );
    expect(html).not.toContain('how it works');
    expect([...html.matchAll(/rel="preload" href="([^"]+)" as="font"/g)].map((m) => m[1])).toEqual([
      'media/roboto-latin-400-normal-CCCCCCCC.woff2',
      'media/roboto-latin-500-normal-EEEEEEEE.woff2',
    ]);
    expect(html).not.toContain('<script src="main-BBBBBBBB.js"');
    expect(html).toMatch(/<script src="login-[A-Z2-7]{8}\.js" defer><\/script><\/head>/);
    // index.html itself, served for every other route, stays as it was.
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(INDEX);
  });

  it('refuses a key nl.json does not have, rather than showing it', () => {
    expect(() => shellMarkup('<p>{{login.nothing}}</p>', { login: {} })).toThrow(/login\.nothing/);
  });

  it('fills every key of the real shell from the real nl.json', () => {
    const html = readFileSync(writeLoginDocument(dir), 'utf8');
    expect(html).toMatch(/<form\s+id="login-form"/);
    expect(html).not.toContain('aria-hidden="true" inert');
    expect(html).not.toMatch(/\{\{/);
  });
});
