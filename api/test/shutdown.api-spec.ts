import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { GracefulShutdown } from '../src/common/graceful-shutdown';
import { AccessLogEntry } from '../src/privacy/access-log-entry.entity';
import { caseBody, Factories } from './support/factories';
import { TestApp } from './support/test-app';

/**
 * Graceful shutdown (ADR 0023): app.close() — what SIGTERM calls through enableShutdownHooks() — stops
 * accepting connections, lets a request under way finish, writes the access log's anchor, and closes
 * the database last.
 */
describe('Graceful shutdown', () => {
  it('lets a request under way finish, refuses new connections, and writes the access-log anchor', async () => {
    const t = await TestApp.start({ SHUTDOWN_TIMEOUT_SECONDS: '20' });
    let closed = false;
    try {
      const make = await Factories.for(t);
      const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
      // Something for the access log, so that its head moves past the anchor written at start.
      await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201);
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;

      // A slow request: its body arrives in two parts, the second after shutdown has begun.
      const body = JSON.stringify({ email: 'niemand@voorbeeld.nl', password: 'niet-het-goede-wachtwoord' });
      const slow = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        slow.on('response', (res: IncomingMessage) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        slow.on('error', reject);
      });
      slow.write(body.slice(0, 10));
      const shutdown = t.app.get(GracefulShutdown);
      await waitFor(() => shutdown.requestsInFlight === 1);
      const entries = await t.app.get(DataSource).getRepository(AccessLogEntry).count();

      const closing = t.app.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closed).toBe(false); // waiting for the request under way
      // No new connections once shutdown has begun.
      await expect(
        new Promise((resolve, reject) =>
          httpRequest({ host: '127.0.0.1', port, path: '/api/health/live' }, resolve).on('error', reject).end(),
        ),
      ).rejects.toThrow(/ECONNREFUSED/);

      slow.end(body.slice(10));
      expect(await answer).toEqual({ status: 401, body: expect.stringContaining('"statusCode":401') });
      await closing;
      expect(closed).toBe(true);

      // The anchor follows the access log's head, written at shutdown at the latest.
      const anchor = JSON.parse(readFileSync(t.anchorPath, 'utf8')) as { seq: number };
      expect(anchor.seq).toBeGreaterThanOrEqual(entries);
      expect(entries).toBeGreaterThan(0);
      expect(t.app.get(DataSource).isInitialized).toBe(false);
    } finally {
      if (!closed) await t.close();
    }
  });

  it('cuts the connections of requests that outlast SHUTDOWN_TIMEOUT_SECONDS', async () => {
    const t = await TestApp.start({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const stuck = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'Content-Type': 'application/json', 'Content-Length': 100 },
    });
    const outcome = new Promise<string>((resolve) => {
      stuck.on('response', () => resolve('answered'));
      stuck.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    stuck.write('{"email":');
    await waitFor(() => t.app.get(GracefulShutdown).requestsInFlight === 1);
    const started = Date.now();
    await t.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await outcome).toBe('ECONNRESET');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
