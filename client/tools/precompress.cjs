// Writes a brotli (.br) and a gzip (.gz) copy next to each text file of the built client, once at build time with the
// strongest settings, so the API serves them without compressing per request (api/src/client/client-files.ts,
// ADR 0025). `node client/tools/precompress.cjs dist/client/browser`; the last step of `nx run client:build`.
// A copy is kept only when it is smaller; fonts and images are compressed already.
const { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { promisify } = require('node:util');
const zlib = require('node:zlib');

const TEXT = /\.(js|mjs|css|html|json|svg|txt|xml|map)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function files(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function compress(path) {
  const raw = readFileSync(path);
  const variants = [
    [
      `${path}.br`,
      brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    ],
    [`${path}.gz`, gzip(raw, { level: 9 })],
  ];
  const sizes = { raw: raw.length, br: raw.length, gz: raw.length };
  for (const [target, pending] of variants) {
    const bytes = await pending;
    const kind = target.endsWith('.br') ? 'br' : 'gz';
    if (bytes.length < raw.length) {
      writeFileSync(target, bytes);
      sizes[kind] = bytes.length;
    } else {
      try {
        unlinkSync(target);
      } catch {
        // There was no older copy.
      }
    }
  }
  return sizes;
}

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('Usage: node client/tools/precompress.cjs <built client folder>');
  const targets = files(dir).filter((path) => TEXT.test(path));
  const total = { raw: 0, br: 0, gz: 0 };
  // All at once: zlib works on libuv's thread pool, which runs four at a time.
  for (const sizes of await Promise.all(targets.map(compress))) for (const k of Object.keys(total)) total[k] += sizes[k];
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`Precompressed ${targets.length} files: ${kB(total.raw)} → brotli ${kB(total.br)}, gzip ${kB(total.gz)}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
