/**
 * The floor for the case list benchmark: a plain node:http server on better-sqlite3 over the same database
 * file, answering GET /cases/<networkId> with one page (25) of the network's case rows as JSON, read through
 * the same index the app's list reads. No framework, no session, no policy, no decryption, no access log.
 * Run by bench/case-list.ts as a child process: DATABASE_PATH, PORT.
 */
import Database from 'better-sqlite3';
import { createServer } from 'node:http';

const db = new Database(process.env['DATABASE_PATH']!, { readonly: true });
const page = db.prepare('SELECT * FROM cases WHERE "networkId" = ? ORDER BY "createdAt" DESC, "number" DESC LIMIT 25');

createServer((request, response) => {
  const networkId = request.url?.split('/')[2] ?? '';
  const body = JSON.stringify({ items: page.all(networkId) });
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}).listen(Number(process.env['PORT']), () => process.stdout.write('ready\n'));
