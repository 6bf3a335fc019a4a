// Every script of the first download is preloaded from index.html, not found a round trip later (ADR 0025).
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { completePreloads } = require('./preload-initial.cjs');

describe('completing the module preloads', () => {
  let dir;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casustafel-preload-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the scripts main.js imports through other scripts, not the ones it loads on use', () => {
    const files = {
      'main-AAAAAAAA.js': 'import{a as b}from"./chunk-BBBBBBBB.js";import"./chunk-CCCCCCCC.js";var r=()=>import("./chunk-LAZYLAZY.js");',
      'chunk-BBBBBBBB.js': 'import{x}from"./chunk-DDDDDDDD.js";export{x as a};',
      'chunk-CCCCCCCC.js': 'export*from"./chunk-EEEEEEEE.js";',
      'chunk-DDDDDDDD.js': 'var x=1;export{x};',
      'chunk-EEEEEEEE.js': 'import("./chunk-LAZYLAZY.js");',
      'chunk-LAZYLAZY.js': 'import"./chunk-DDDDDDDD.js";',
    };
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    writeFileSync(
      join(dir, 'index.html'),
      '<body><app-root></app-root><link rel="modulepreload" href="chunk-BBBBBBBB.js"><script src="main-AAAAAAAA.js" type="module"></script></body>',
    );
    expect(completePreloads(dir)).toEqual(['chunk-CCCCCCCC.js', 'chunk-DDDDDDDD.js', 'chunk-EEEEEEEE.js']);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect([...html.matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'chunk-BBBBBBBB.js',
      'chunk-CCCCCCCC.js',
      'chunk-DDDDDDDD.js',
      'chunk-EEEEEEEE.js',
    ]);
    expect(html).not.toContain('LAZY');
    expect(completePreloads(dir)).toEqual([]);
  });
});
