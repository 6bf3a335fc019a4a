// The cut-down icon font (ADR 0025) holds every icon the client uses: a template that uses an icon the font lacks
// would show its name as text ("notifications") instead of the bell. Fix a failure with `npm run icons`.
const { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const fontkit = require('fontkit');
const { collectIcons } = require('./icons.cjs');

const root = resolve(__dirname, '../..');
const icons = join(root, 'client/src/icons');
const manifest = JSON.parse(readFileSync(join(icons, 'icons.json'), 'utf8'));
const font = fontkit.create(readFileSync(join(icons, 'material-symbols-outlined.woff2')));

/** What a browser shows for this text in the icon font: the glyphs after the font's ligatures. */
const shaped = (text) => font.layout(text).glyphs;

describe('the icon font', () => {
  const used = collectIcons(join(root, 'client/src/app'));

  it('can tell every icon the templates use', () => {
    expect(used.problems).toEqual([]);
    expect(used.names.length).toBeGreaterThan(40);
  });

  it('holds every icon the templates use (otherwise run npm run icons)', () => {
    const missing = used.names
      .filter((name) => !manifest.icons.includes(name))
      .map((name) => `${name} (${used.uses.get(name).join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('turns each icon name it lists into one drawn glyph', () => {
    const broken = manifest.icons.filter((name) => {
      const glyphs = shaped(name);
      return glyphs.length !== 1 || glyphs[0].id === 0 || glyphs[0].path.commands.length === 0;
    });
    expect(broken).toEqual([]);
  });

  it('holds only those icons, in one style', () => {
    for (const other of ['home', 'settings', 'add_circle', 'notifications_off']) expect(shaped(other).length).toBeGreaterThan(1);
    expect(font.numGlyphs).toBeLessThan(manifest.icons.length + 40);
    expect(Object.keys(font.variationAxes)).toEqual([]);
  });
});

describe('collecting the icons', () => {
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casustafel-icons-'));
    mkdirSync(join(dir, 'page'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const collect = (template, code = '') => {
    writeFileSync(join(dir, 'page/page.ts'), `${code}\n@Component({ template: \`${template}\` })\nexport class Page {}\n`);
    return collectIcons(dir);
  };

  it('reads names, quoted names in interpolations, and the icon values passed on', () => {
    const found = collect(
      `<mat-icon>add</mat-icon>
       <mat-icon aria-hidden="true">
         {{ open() ? 'visibility_off' : "visibility" }}
       </mat-icon>
       <mat-icon>{{ icon() }}</mat-icon><app-empty-state icon="inbox" /><app-state emptyIcon="event" [icon]="x ? 'lan' : 'hub'" />`,
      `const rows = [{ icon: 'help' }]; class State { readonly emptyIcon = input('info'); }`,
    );
    expect(found.problems).toEqual([]);
    expect(found.names).toEqual(['add', 'event', 'help', 'hub', 'inbox', 'info', 'lan', 'visibility', 'visibility_off']);
  });

  it('reports a use it cannot follow, so no icon slips past', () => {
    const found = collect(`<mat-icon>{{ kind() }}</mat-icon><mat-icon>Add</mat-icon><mat-icon [svgIcon]="x"></mat-icon>`);
    expect(found.problems).toHaveLength(3);
  });
});
