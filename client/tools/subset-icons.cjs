// Cuts the Material Symbols Outlined font (4 MB, about 4,000 icons in every weight, fill, grade and optical size) down
// to the icons the client uses, in one style: `npm run icons`. Writes client/src/icons/material-symbols-outlined.woff2
// and icons.json (what it holds); both are committed, so a build needs no font tools. Run it after using an icon the
// font lacks: client/tools/icons.spec.cjs fails until then (ADR 0025).
//
// How: the icons are ligatures (the text "add" becomes the add glyph through the font's GSUB table). The subset keeps
// the characters of the used names and each used icon's glyph (named through its private-use code point), without
// layout closure: closure would pull in every ligature those letters can form, which is every icon. HarfBuzz then
// keeps exactly the ligatures whose glyphs are kept. The variation axes are pinned to the defaults the client shows.
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const fontkit = require('fontkit');
const subsetFont = require('subset-font');
const { collectIcons } = require('./icons.cjs');

const root = resolve(__dirname, '../..');
const SOURCE = join(root, 'node_modules/material-symbols/material-symbols-outlined.woff2');
const OUT_DIR = join(root, 'client/src/icons');
/** Outlined, not filled, regular weight, normal grade, 24 px optical size: what mat-icon shows by default. */
const AXES = { FILL: 0, wght: 400, GRAD: 0, opsz: 24 };

async function main() {
  const { names, problems } = collectIcons(join(root, 'client/src/app'));
  if (problems.length > 0) throw new Error(`Icon uses the check cannot follow:\n${problems.join('\n')}`);

  const source = readFileSync(SOURCE);
  const font = fontkit.create(source);
  const codePointOf = new Map();
  for (const codePoint of font.characterSet) {
    if (codePoint < 0xe000 || codePoint > 0xf8ff) continue;
    const id = font.glyphForCodePoint(codePoint).id;
    if (!codePointOf.has(id)) codePointOf.set(id, codePoint);
  }
  let text = [...new Set(names.join(''))].join('');
  for (const name of names) {
    const glyphs = font.layout(name).glyphs;
    if (glyphs.length !== 1 || glyphs[0].id === 0) throw new Error(`"${name}" is no icon in material-symbols`);
    const codePoint = codePointOf.get(glyphs[0].id);
    if (codePoint === undefined) throw new Error(`"${name}" has no code point to keep its glyph by`);
    text += String.fromCodePoint(codePoint);
  }

  const subset = await subsetFont(source, text, { targetFormat: 'woff2', noLayoutClosure: true, variationAxes: AXES });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/material-symbols/package.json'), 'utf8')).version;
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'material-symbols-outlined.woff2'), subset);
  const manifest = { source: `material-symbols ${version}, material-symbols-outlined.woff2`, axes: AXES, icons: names };
  writeFileSync(join(OUT_DIR, 'icons.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${names.length} icons, ${subset.length} bytes (from ${source.length}) in ${dirname(join(OUT_DIR, 'x'))}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
