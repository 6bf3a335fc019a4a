// The login form of the document served for /inloggen signs in without Angular and hands over to it for the rest
// (client/src/login.js, ADR 0032). The document is written by the real build step from the real template, nl.json and
// script; the script runs in jsdom, with fetch, location and history as the test's own, so that every request and
// every page it would open is seen. Run by Vitest, not Jest (client/tools/vitest.config.mjs): jsdom's dependencies are
// ES modules, which Jest's module system does not load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const __dirname = dirname(fileURLToPath(import.meta.url));
const { writeLoginDocument } = createRequire(import.meta.url)('./login-shell.cjs');

const INDEX =
  '<html><head><link rel="stylesheet" href="styles-AAAAAAAA.css"></head><body><app-root></app-root>' +
  '<link rel="modulepreload" href="chunk-CCCCCCCC.js"><link rel="modulepreload" href="chunk-DDDDDDDD.js">' +
  '<script src="main-BBBBBBBB.js" type="module"></script></body></html>';
const SCRIPT = readFileSync(join(__dirname, '../src/login.js'), 'utf8');

describe('the login form without Angular', () => {
  let dir;
  let html;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casustafel-login-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'styles-AAAAAAAA.css'), '');
    html = readFileSync(writeLoginDocument(dir), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The document at `search`, with storage as given; runs login.js in it. `respond` answers fetch. */
  function open({ search = '', local = {}, respond = async () => ({ ok: true, json: async () => ({ mfaRequired: false }) }) } = {}) {
    const dom = new JSDOM(html, { url: `https://casustafel.test/inloggen${search}` });
    const { window } = dom;
    for (const [key, value] of Object.entries(local)) window.localStorage.setItem(key, value);
    const requests = [];
    const opened = [];
    const location = {
      origin: 'https://casustafel.test',
      pathname: '/inloggen',
      search,
      assign: (url) => opened.push(url),
    };
    const history = {
      state: null,
      replaceState: (_state, _title, url) => (location.search = url.slice(url.indexOf('?') === -1 ? url.length : url.indexOf('?'))),
    };
    const fetch = async (url, init) => {
      requests.push({ url, init });
      return respond(url, init);
    };
    const context = vm.createContext({ window, document: window.document, location, history, fetch, URL, URLSearchParams });
    vm.runInContext(SCRIPT, context);
    const $ = (id) => window.document.getElementById(id);
    const type = (id, value) => {
      $(id).value = value;
      $(id).dispatchEvent(new window.Event('input'));
    };
    const submit = async () => {
      $('login-form').dispatchEvent(new window.Event('submit', { cancelable: true }));
      // The request and its answer's body: two promises on.
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    };
    const appScripts = () => [...window.document.querySelectorAll('script[type="module"]')].map((s) => s.getAttribute('src'));
    return { window, $, type, submit, requests, opened, location, appScripts };
  }

  it("is served without Angular: its own hashed script, the app's scripts only listed for later", () => {
    expect(html).not.toMatch(/<script[^>]+type="module"/);
    expect(html).not.toContain('rel="modulepreload"');
    const script = /<script src="(login-[A-Z2-7]{8}\.js)" defer><\/script><\/head>/.exec(html);
    expect(script).not.toBeNull();
    expect(readFileSync(join(dir, script[1]), 'utf8')).toBe(SCRIPT);
    expect(html).toContain('data-app="main-BBBBBBBB.js" data-preload="chunk-CCCCCCCC.js chunk-DDDDDDDD.js"');
    // Until the script has run, Enter in a field cannot send the form anywhere.
    expect(new JSDOM(html).window.document.getElementById('login-submit').disabled).toBe(true);
  });

  it('says what is missing under each field and sends nothing', async () => {
    const page = open();
    expect(page.$('login-submit').disabled).toBe(false);
    await page.submit();
    expect(page.requests).toEqual([]);
    expect(page.$('login-email-error').textContent).toBe('Vul je e-mailadres in, bijvoorbeeld naam@organisatie.nl.');
    expect(page.$('login-password-error').textContent).toBe('Vul je wachtwoord in.');
    expect(page.$('login-email').getAttribute('aria-invalid')).toBe('true');
    expect(page.window.document.activeElement).toBe(page.$('login-email'));
    page.type('login-email', 'geen-adres');
    page.type('login-password', 'iets');
    expect(page.$('login-password-error').textContent).toBe('');
    await page.submit();
    expect(page.requests).toEqual([]);
    expect(page.$('login-email-error').textContent).not.toBe('');
  });

  it('signs in with one request and opens the page asked for, on this site only', async () => {
    for (const [back, expected] of [
      ['', '/'],
      ['?terug=%2Facties%3Fstatus%3Dopen', '/acties?status=open'],
      ['?terug=%2F%2Fevil.example%2Fx', '/'],
      ['?terug=%2F%5Cevil.example', '/'],
      ['?terug=https%3A%2F%2Fevil.example%2F', '/'],
    ]) {
      const page = open({ search: back });
      page.type('login-email', 'sanne@welzijn.example.nl');
      page.type('login-password', 'een goed wachtwoord');
      await page.submit();
      expect(page.requests).toHaveLength(1);
      expect(page.requests[0].url).toBe('/api/auth/login');
      expect(page.requests[0].init.method).toBe('POST');
      expect(JSON.parse(page.requests[0].init.body)).toEqual({ email: 'sanne@welzijn.example.nl', password: 'een goed wachtwoord' });
      expect(page.opened).toEqual([expected]);
      expect(page.window.localStorage.getItem('casustafel.sessie')).toBe('1');
      expect(page.appScripts()).toEqual([]);
    }
  });

  it("shows the server's message, or its own when there is none, and lets the visitor try again", async () => {
    const answers = [
      async () => ({ ok: false, json: async () => ({ message: 'Het e-mailadres of het wachtwoord klopt niet.' }) }),
      async () => ({ ok: false, json: async () => Promise.reject(new SyntaxError('geen JSON')) }),
      async () => Promise.reject(new TypeError('Failed to fetch')),
    ];
    const page = open({ respond: (...args) => answers.shift()(...args) });
    page.type('login-email', 'sanne@welzijn.example.nl');
    page.type('login-password', 'fout');
    for (const expected of [
      'Het e-mailadres of het wachtwoord klopt niet.',
      'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.',
      'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
    ]) {
      await page.submit();
      expect(page.$('login-alert').hidden).toBe(false);
      expect(page.$('login-alert').textContent).toBe(expected);
      expect(page.$('login-submit').disabled).toBe(false);
      expect(page.$('login-submit').textContent).toBe('Inloggen');
    }
    expect(page.requests).toHaveLength(3);
    expect(page.opened).toEqual([]);
    expect(page.$('login-password').value).toBe('fout');
  });

  it('hands over to the app for the second step: its scripts load, the address names the step, the password is gone', async () => {
    const page = open({ search: '?terug=%2Facties', respond: async () => ({ ok: true, json: async () => ({ mfaRequired: true }) }) });
    page.type('login-email', 'sanne@welzijn.example.nl');
    page.type('login-password', 'een goed wachtwoord');
    await page.submit();
    expect(page.opened).toEqual([]);
    expect(page.appScripts()).toEqual(['main-BBBBBBBB.js']);
    expect([...page.window.document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href'))).toEqual([
      'chunk-CCCCCCCC.js',
      'chunk-DDDDDDDD.js',
    ]);
    expect(new URLSearchParams(page.location.search).get('stap')).toBe('code');
    expect(new URLSearchParams(page.location.search).get('terug')).toBe('/acties');
    expect(page.$('login-password').value).toBe('');
    expect(page.$('login-shell').inert).toBe(true);
    expect(page.window.localStorage.getItem('casustafel.sessie')).toBeNull();
  });

  it('hands over for a forgotten password and for English, with the typed address and never the password', async () => {
    const forgot = open();
    forgot.type('login-email', 'sanne@welzijn.example.nl');
    forgot.type('login-password', 'geheim');
    forgot.$('login-forgot').click();
    expect(new URLSearchParams(forgot.location.search).get('stap')).toBe('vergeten');
    expect(forgot.appScripts()).toEqual(['main-BBBBBBBB.js']);
    expect(forgot.window.sessionStorage.getItem('casustafel.inloggen.email')).toBe('sanne@welzijn.example.nl');
    expect(JSON.stringify({ ...forgot.window.sessionStorage, ...forgot.window.localStorage })).not.toContain('geheim');

    const english = open();
    english.type('login-email', 'sanne@welzijn.example.nl');
    english.$('login-language').click();
    expect(english.window.localStorage.getItem('casustafel.taal')).toBe('en');
    expect(english.location.search).toBe('');
    expect(english.appScripts()).toEqual(['main-BBBBBBBB.js']);
    expect(english.requests).toEqual([]);
  });

  it('starts the app at once for a visitor it cannot serve itself, and leaves the form alone', async () => {
    for (const start of [
      { local: { 'casustafel.sessie': '1' } },
      { local: { 'casustafel.taal': 'en' } },
      { search: '?verlopen=1' },
      { search: '?melding=geactiveerd' },
    ]) {
      const page = open(start);
      expect(page.appScripts()).toEqual(['main-BBBBBBBB.js']);
      expect(page.$('login-shell').inert).toBe(true);
      expect(page.$('login-submit').disabled).toBe(true);
      await page.submit();
      expect(page.requests).toEqual([]);
    }
  });

  it('shows and hides the password, saying which it does', () => {
    const page = open();
    const reveal = page.$('login-reveal');
    expect(reveal.getAttribute('aria-label')).toBe('Wachtwoord tonen');
    reveal.click();
    expect(page.$('login-password').type).toBe('text');
    expect(reveal.getAttribute('aria-pressed')).toBe('true');
    expect(reveal.getAttribute('aria-label')).toBe('Wachtwoord verbergen');
    reveal.click();
    expect(page.$('login-password').type).toBe('password');
    expect(reveal.getAttribute('aria-pressed')).toBe('false');
  });
});
