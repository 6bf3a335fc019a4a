// The client's build-tool tests that need ES modules (jsdom): `nx run client:test-tools` runs them after the Jest ones.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    root: here,
    // Beside the other reports, which npm test adds up (scripts/test-summary.mjs).
    outputFile: { json: resolve(here, '../../tmp/test-results/client-tools-esm.json') },
    include: ['**/*.spec.mjs'],
    environment: 'node',
  },
});
