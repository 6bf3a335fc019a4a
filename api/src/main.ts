/**
 * Starts the API: `node dist/api/api/src/main.js`. The build bundles the server and the libraries it loads
 * at start into one file beside this one, server.bundle.js (api/tools/bundle.mjs, ADR 0027), which runs
 * with V8's code cache (start-bundle.ts). Without a bundle — under ts-node, or a build by tsc alone — the
 * server is loaded as it is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBundle } from './start-bundle';

const bundle = join(__dirname, 'server.bundle.js');
if (existsSync(bundle)) startBundle(bundle);
else require('./server');
