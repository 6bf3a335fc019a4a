// Lets the browser fetch every file of the first download at once (ADR 0025). Angular's build adds
// <link rel="modulepreload"> for at most ten of the scripts main.js imports, nearest first; the others — here the
// largest, Angular's core — are found only once the files that import them have arrived, a round trip later on every
// page. This step adds the missing ones: every script main.js imports statically, directly or through another (never
// a dynamic import(), which is a lazy route or a library loaded on use). Run on the built client before it is
// compressed: `node client/tools/preload-initial.cjs dist/client/browser`.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** The files a module imports statically: `import{a as b}from"./chunk-X.js"`, `import"./chunk-X.js"`, `export … from`. */
function staticImports(code) {
  const found = [];
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g)) found.push(m[1]);
  return found;
}

/** main.js's static imports, transitively, nearest first (breadth first). */
function initialScripts(dir, entry) {
  const seen = new Set([entry]);
  const order = [];
  let level = [entry];
  while (level.length > 0) {
    const next = [];
    for (const file of level) {
      for (const imported of staticImports(readFileSync(join(dir, file), 'utf8'))) {
        if (seen.has(imported)) continue;
        seen.add(imported);
        order.push(imported);
        next.push(imported);
      }
    }
    level = next;
  }
  return order;
}

/** Adds the missing modulepreload links to index.html in `dir`; returns the files it added. */
function completePreloads(dir) {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const entry = /<script src="([\w.-]+\.js)" type="module"><\/script>/.exec(html);
  if (!entry) throw new Error(`No module script in ${indexPath}`);
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([\w.-]+\.js)">/g)].map((m) => m[1]));
  const missing = initialScripts(dir, entry[1]).filter((file) => !preloaded.has(file));
  if (missing.length === 0) return [];
  const links = missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
  writeFileSync(indexPath, html.replace(entry[0], `${links}${entry[0]}`));
  return missing;
}

module.exports = { completePreloads, initialScripts };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node client/tools/preload-initial.cjs <built client folder>');
    process.exit(1);
  }
  const added = completePreloads(dir);
  console.log(`Module preloads added to index.html: ${added.length}`);
}
