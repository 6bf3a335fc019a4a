import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CANARY, CANARY_MARKERS, caseBody } from './support/factories';
import { useTestApp } from './support/use-test-app';

/**
 * Observability without personal data (issue #15, ADR 0023): the app logs as in production, through
 * its JSON (pino) logger, into a buffer; a realistic flow with the canary client runs; then every line
 * is read. No line holds the canary, an e-mail address or a search term, while every request has its
 * line (method, route pattern, status, request id, duration).
 */

/** Everything the app logs, one JSON object a line. */
class LogBuffer {
  private text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  get lines(): string[] {
    return this.text.split('\n').filter((line) => line.trim() !== '');
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

const EMAIL = /[^\s@"]+@[^\s@"]+\.[A-Za-z]{2,}/;

describe('Observability: the JSON log of a run with the canary client', () => {
  const log = new LogBuffer();
  const { t, make } = useTestApp({ logDestination: log });
  const loginEmail = 'gerrit.canariusveld@voorbeeld.nl';
  const incomingId = 'lb-7f3a9c21-req';

  beforeAll(async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const network = s.network.id;
    const created = await s.core.agent.post(`/api/networks/${network}/cases`).set('X-Request-Id', incomingId).send(caseBody()).expect(201);
    expect(created.headers['x-request-id']).toBe(incomingId);
    const search = await c.get(`/api/networks/${network}/cases?q=${encodeURIComponent(CANARY.surname)}`).expect(200);
    expect(search.text).toContain('Canariusveld'); // the coordinator sees the client in full: the search found it
    // The identity guard refuses the surname in free text.
    await c
      .post(`/api/networks/${network}/questions`)
      .send({
        title: 'Zorgen om een buurman',
        situation: 'Meneer van Canariusveld belde zelf over de woning.',
        question: 'Wie gaat er langs?',
        problemAreas: ['SOCIAL_NETWORK'],
      })
      .expect(422);
    await c.get(`/api/cases/${randomUUID()}`).expect(404);
    // A path that matches no route, with the surname in it, and a request id that is not a safe token.
    const unmatched = await c.get('/api/clients/Canariusveld?q=Canariusveld').set('X-Request-Id', 'Canariusveld 1948-05-17').expect(404);
    expect(unmatched.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await t.anonymous().post('/api/auth/login').send({ email: loginEmail, password: 'niet-het-goede-wachtwoord' }).expect(401);
    await t.anonymous().post('/api/auth/password-reset').send({ email: loginEmail }).expect(202);
    await t.app.get(DataSource).query('SELECT 1'); // let the last response lines land
  });

  it('writes every line as JSON, with a level and a time', () => {
    const records = log.records();
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) expect(record).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String) }));
  });

  it('holds no canary marker, no e-mail address and no search term in any line', () => {
    const problems: string[] = [];
    for (const line of log.lines) {
      for (const marker of [...CANARY_MARKERS, CANARY.givenName, 'canariusveld'])
        if (line.includes(marker)) problems.push(`${marker}: ${line}`);
      if (EMAIL.test(line)) problems.push(`e-mail address: ${line}`);
      if (/[?&]q=/.test(line)) problems.push(`query string: ${line}`);
      if (/cookie|authorization|set-cookie/i.test(line)) problems.push(`header: ${line}`);
    }
    expect(problems).toEqual([]);
  });

  it('logs each request: method, route pattern, status, request id and duration', () => {
    const requests = log.records().filter((r) => typeof r['statusCode'] === 'number');
    const line = (method: string, route: string | null, status: number) =>
      requests.find((r) => r['method'] === method && r['route'] === route && r['statusCode'] === status);
    const created = line('POST', '/api/networks/:id/cases', 201);
    expect(created).toEqual(
      expect.objectContaining({ requestId: incomingId, durationMs: expect.any(Number), msg: 'POST /api/networks/:id/cases 201' }),
    );
    expect(line('GET', '/api/networks/:id/cases', 200)).toEqual(
      expect.objectContaining({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
    );
    expect(line('POST', '/api/networks/:id/questions', 422)).toBeDefined();
    expect(line('GET', '/api/cases/:id', 404)).toBeDefined();
    // The path that matched no route is logged by the pattern that caught it, not by what was asked for.
    const unmatched = requests.filter((r) => r['method'] === 'GET' && r['statusCode'] === 404 && r['route'] !== '/api/cases/:id');
    expect(unmatched.map((r) => r['route'])).toEqual(['/api/{*path}']);
    expect(line('POST', '/api/auth/login', 401)).toBeDefined();
    // Nothing but these fields on a request line: no URL, headers, query, body or address.
    for (const r of requests) {
      expect(Object.keys(r).sort()).toEqual(
        ['app', 'durationMs', 'level', 'method', 'msg', 'requestId', 'route', 'statusCode', 'time'].sort(),
      );
    }
  });

  it("routes Nest's Logger into the same JSON log, with its context", () => {
    const nest = log.records().filter((r) => typeof r['context'] === 'string');
    expect(nest.map((r) => r['context'])).toEqual(expect.arrayContaining(['NestApplication', 'RoutesResolver']));
  });

  it('answers health, liveness and readiness without a session and without personal data', async () => {
    await t.anonymous().get('/api/health').expect(200, { status: 'ok' });
    await t.anonymous().get('/api/health/live').expect(200, { status: 'ok' });
    const ready = await t.anonymous().get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'ok',
      info: {
        database: { status: 'up' },
        migrations: { status: 'up', pending: 0 },
        mailOutbox: { status: 'up', lagMinutes: expect.any(Number), thresholdMinutes: 15 },
      },
      error: {},
      details: expect.any(Object),
    });
    expect(ready.headers['x-request-id']).toBeDefined();
  });

  it('reports the mail outbox down (503, terminus body) when a message waits longer than HEALTH_MAIL_LAG_MINUTES', async () => {
    // The flow above left mails in the outbox (activations, a reset); the worker never runs by itself in tests.
    t.clock.advanceMinutes(16);
    const ready = await t.anonymous().get('/api/health/ready').expect(503);
    expect(ready.body).toEqual(
      expect.objectContaining({
        status: 'error',
        error: { mailOutbox: { status: 'down', message: expect.any(String), lagMinutes: expect.any(Number), thresholdMinutes: 15 } },
      }),
    );
    expect(ready.body.details.database).toEqual({ status: 'up' });
    for (const marker of [...CANARY_MARKERS, '@']) expect(ready.text).not.toContain(marker);
    await t.anonymous().get('/api/health/live').expect(200);
    await t.sendMail();
    await t.anonymous().get('/api/health/ready').expect(200);
  });
});
