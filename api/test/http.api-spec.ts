import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BODY_BYTES, REQUEST_MESSAGES } from '../src/common/request-guards';
import { Factories, caseBody } from './support/factories';
import { TestApp, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

type Staffed = Awaited<ReturnType<Factories['staffedNetwork']>>;
type Pending = ReturnType<Agent['post']>;

/** Sends these bytes as they are (supertest would serialise a Buffer as JSON), without a Content-Type unless set. */
function sendBytes(request: Pending, chunks: Buffer[]): Promise<{ status: number; body: { message?: string } }> {
  return new Promise((resolve, reject) => {
    for (const chunk of chunks) request.write(chunk);
    request.end((error, res) => {
      const response = res ?? (error as { response?: typeof res }).response;
      if (response) resolve({ status: response.status, body: response.body });
      else reject(error);
    });
  });
}

describe('Requests a browser cannot forge', () => {
  const { make } = useTestApp();
  let s: Staffed;
  let casesUrl: string;
  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    casesUrl = `/api/networks/${s.network.id}/cases`;
  });

  const caseCount = async () => (await s.coordinator.agent.get(casesUrl).expect(200)).body.total as number;

  it('creates nothing from a form-encoded case posted from another website', async () => {
    const before = await caseCount();
    const res = await s.coordinator.agent
      .post(casesUrl)
      .set('Origin', 'https://evil.example')
      .type('form')
      .send('neighbourhood=Soesterkwartier&urgency=HIGH&consent=GIVEN&summary=Een+vervalste+casus+van+buiten')
      .expect(403);
    expect(res.body).toEqual({ statusCode: 403, message: REQUEST_MESSAGES.foreignOrigin, error: 'Forbidden' });
    expect(await caseCount()).toBe(before);
  });

  it.each([
    ['a form-encoded body', 'application/x-www-form-urlencoded', 'neighbourhood=Soesterkwartier'],
    ['a multipart body', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'],
    ['a text/plain body', 'text/plain', JSON.stringify(caseBody())],
    ['an empty text/plain body', 'text/plain', ''],
    ['an empty form-encoded body', 'application/x-www-form-urlencoded', ''],
    ['JSON in another character set', 'application/json; charset=latin1', JSON.stringify(caseBody())],
    ['a JSON look-alike', 'application/json-patch+json', '[]'],
  ])('refuses %s with 415, even from the app itself', async (_kind, contentType, body) => {
    const before = await caseCount();
    const res = await s.coordinator.agent.post(casesUrl).set('Content-Type', contentType).send(body).expect(415);
    expect(res.body).toEqual({ statusCode: 415, message: REQUEST_MESSAGES.notJson, error: 'Unsupported Media Type' });
    expect(await caseCount()).toBe(before);
  });

  it('refuses 415 on every state-changing method, and a body without any Content-Type', async () => {
    const agent = s.coordinator.agent;
    await agent.put(`/api/networks/${s.network.id}/covenant`).set('Content-Type', 'text/plain').send('x').expect(415);
    await agent.patch('/api/cases/00000000-0000-4000-8000-000000000000').set('Content-Type', 'text/plain').send('x').expect(415);
    await agent.delete(`/api/networks/${s.network.id}/members/${s.shell.organisation.id}`).set('Content-Type', 'text/plain').expect(415);
    const raw = await sendBytes(agent.post(casesUrl), [Buffer.from(JSON.stringify(caseBody()))]);
    expect([raw.status, raw.body.message]).toEqual([415, REQUEST_MESSAGES.notJson]);
  });

  it('accepts JSON with a UTF-8 charset, and a request with neither body nor Content-Type', async () => {
    await s.coordinator.agent
      .post(casesUrl)
      .set('Content-Type', 'application/json; charset=UTF-8')
      .send(JSON.stringify(caseBody()))
      .expect(201);
    const accepted = await s.core.agent.post(`/api/networks/${s.network.id}/confidentiality/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.request.getHeader('Content-Type')).toBeUndefined();
  });

  it('lets clients without an Origin header (scripts, curl) work as before', async () => {
    await s.coordinator.agent.post(casesUrl).send(caseBody()).expect(201);
  });

  it('accepts the origin the request itself names, and refuses any other', async () => {
    const sameHost = (agent: Agent) => agent.post(casesUrl).set('Host', 'casustafel.test:8080');
    await sameHost(s.coordinator.agent).set('Origin', 'http://casustafel.test:8080').send(caseBody()).expect(201);
    for (const origin of ['https://casustafel.test:8080', 'http://casustafel.test', 'http://evil.example', 'null', 'niet-een-adres']) {
      const res = await sameHost(s.coordinator.agent).set('Origin', origin).send(caseBody());
      expect([origin, res.status]).toEqual([origin, 403]);
    }
  });

  it('refuses a foreign origin on reads too, so that no other site can script the API', async () => {
    await s.coordinator.agent.get(casesUrl).set('Origin', 'https://evil.example').expect(403);
    // Outside /api there is nothing to protect: a wrong origin meets the ordinary 404.
    await s.coordinator.agent.post('/elders').set('Origin', 'https://evil.example').expect(404);
  });

  describe('with PUBLIC_URL', () => {
    const { t: pub } = useTestApp({ env: { PUBLIC_URL: 'https://casustafel.example.nl/' } });

    it('accepts only that origin, whatever the Host header says', async () => {
      const agent = pub.anonymous();
      const login = (origin: string) =>
        agent.post('/api/auth/login').set('Host', 'intern:3000').set('Origin', origin).send({ email: 'niemand@test.nl', password: 'x' });
      expect((await login('https://casustafel.example.nl')).status).toBe(401);
      expect((await login('http://intern:3000')).status).toBe(403);
      expect((await login('http://casustafel.example.nl')).status).toBe(403);
    });
  });

  describe('behind a trusted proxy', () => {
    const { t: proxied } = useTestApp({ env: { TRUST_PROXY: 'loopback' } });

    it('derives the origin from the forwarded scheme and host', async () => {
      const login = (origin: string) =>
        proxied
          .anonymous()
          .post('/api/auth/login')
          .set('X-Forwarded-Proto', 'https')
          .set('X-Forwarded-Host', 'casustafel.example.nl')
          .set('Origin', origin)
          .send({ email: 'niemand@test.nl', password: 'x' });
      expect((await login('https://casustafel.example.nl')).status).toBe(401);
      expect((await login('http://casustafel.example.nl')).status).toBe(403);
    });
  });
});

describe('Bodies that cannot hurt', () => {
  const { make } = useTestApp();
  let s: Staffed;
  let casesUrl: string;
  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    casesUrl = `/api/networks/${s.network.id}/cases`;
  });

  const postRaw = (text: string | Buffer) => s.coordinator.agent.post(casesUrl).set('Content-Type', 'application/json').send(text);
  const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

  it.each([
    ['malformed JSON', '{"neighbourhood": "Soesterkwartier",', REQUEST_MESSAGES.malformed],
    ['a bare string', '"Soesterkwartier"', REQUEST_MESSAGES.notAnObject],
    ['an array', '[1, 2]', REQUEST_MESSAGES.notAnObject],
    ['null', 'null', REQUEST_MESSAGES.notAnObject],
    ['a __proto__ key', '{"summary": "x", "__proto__": {"isAdmin": true}}', REQUEST_MESSAGES.forbiddenKey],
    ['an escaped __proto__ key', '{"client": {"\\u005f_proto__": {"x": 1}}}', REQUEST_MESSAGES.forbiddenKey],
    ['constructor.prototype', '{"client": {"constructor": {"prototype": {"x": 1}}}}', REQUEST_MESSAGES.forbiddenKey],
    ['a NUL character', '{"summary": "tekst\\u0000met een nul"}', REQUEST_MESSAGES.invalidCharacter],
    ['half a surrogate pair (validator.js throws on it)', '{"client": {"givenName": "\\ud800"}}', REQUEST_MESSAGES.invalidCharacter],
    ['nesting 33 deep', nested(33), REQUEST_MESSAGES.tooDeep],
    ['nesting 20,000 deep', '['.repeat(20_000) + ']'.repeat(20_000), REQUEST_MESSAGES.tooDeep],
    ['objects 20,000 deep', nested(20_000), REQUEST_MESSAGES.tooDeep],
  ])('answers %s with 400 and a Dutch message', async (_kind, text, message) => {
    const res = await postRaw(text).expect(400);
    expect(res.body).toEqual({ statusCode: 400, message, error: 'Bad Request' });
  });

  it('answers bytes that are not UTF-8 with 400', async () => {
    const res = await sendBytes(s.coordinator.agent.post(casesUrl).set('Content-Type', 'application/json'), [
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    ]);
    expect([res.status, res.body.message]).toEqual([400, REQUEST_MESSAGES.notUtf8]);
  });

  it('counts only brackets outside strings, so text with brackets and escaped quotes passes the depth check', async () => {
    const summary = `Tekst met haakjes ${'[{'.repeat(40)} en een \\" aanhalingsteken ${'}]'.repeat(40)}`;
    const res = await postRaw(JSON.stringify(caseBody({ summary }))).expect(201);
    expect(res.body.summary).toBe(summary);
    // 32 levels are allowed: a body at exactly the limit reaches validation.
    const atLimit = await postRaw(nested(32)).expect(400);
    expect(atLimit.body.message).toMatch(/Onbekend veld "a"/);
  });

  it('answers a body over the limit with 413, whether or not it says its length', async () => {
    const big = JSON.stringify(caseBody({ summary: 'x'.repeat(MAX_BODY_BYTES) }));
    const declared = await postRaw(big).expect(413);
    expect(declared.body).toEqual({ statusCode: 413, message: REQUEST_MESSAGES.tooLarge, error: 'Payload Too Large' });
    const request = s.coordinator.agent.post(casesUrl).set('Content-Type', 'application/json').set('Transfer-Encoding', 'chunked');
    const chunked = await sendBytes(request, [Buffer.from(big.slice(0, 600_000)), Buffer.from(big.slice(600_000))]);
    expect([chunked.status, chunked.body.message]).toEqual([413, REQUEST_MESSAGES.tooLarge]);
  });

  it('treats a JSON request with an empty body as an empty object', async () => {
    const res = await postRaw('').expect(400);
    expect(res.body.fields).toHaveProperty('summary');
  });

  it('keeps these answers when the built client is served as well (no 404 for bad JSON)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'casustafel-client-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Casustafel</title>');
    const served = await TestApp.start({ CLIENT_DIST: dist });
    try {
      const admin = await served.admin();
      const malformed = await admin.post('/api/organisations').set('Content-Type', 'application/json').send('{"name": ');
      expect([malformed.status, malformed.body.message]).toEqual([400, REQUEST_MESSAGES.malformed]);
      const big = await admin
        .post('/api/organisations')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) }));
      expect([big.status, big.body.message]).toEqual([413, REQUEST_MESSAGES.tooLarge]);
      expect((await served.anonymous().get('/').expect(200)).text).toContain('Casustafel');
      // robots.txt is text for crawlers, not the client's index.html that the static files answer for unknown paths.
      const robots = await served.anonymous().get('/robots.txt').expect(200);
      expect(robots.headers['content-type']).toMatch(/^text\/plain/);
      expect(robots.text).toBe('User-agent: *\nDisallow: /\n');
    } finally {
      await served.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('Responses no cache may keep', () => {
  const { t } = useTestApp();

  it('marks every API answer no-store: data, errors, refusals and unknown routes', async () => {
    const make = await Factories.for(t);
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = await s.coordinator.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201);
    const c = s.coordinator.agent;
    const responses: [string, { headers: Record<string, string> }][] = [
      ['a new case', created],
      ['a case with identity', await c.get(`/api/cases/${created.body.id}`).expect(200)],
      ['the case list', await c.get(`/api/networks/${s.network.id}/cases`).expect(200)],
      ['the signed-in user', await c.get('/api/auth/me').expect(200)],
      ['a refused status change', await s.shell.agent.patch(`/api/cases/${created.body.id}`).send({ status: 'ACCEPTED' }).expect(403)],
      ['no session', await t.anonymous().get('/api/auth/me').expect(401)],
      ['an unknown route', await t.anonymous().get('/api/bestaat-niet').expect(404)],
      ['a form post', await c.post(`/api/networks/${s.network.id}/cases`).type('form').send('a=b').expect(415)],
      ['the actions CSV', await c.get(`/api/networks/${s.network.id}/actions.csv`).expect(200)],
    ];
    for (const [what, res] of responses) expect([what, res.headers['cache-control']]).toEqual([what, 'no-store']);
  });

  it('lets the calendar feed keep its own caching header', async () => {
    const make = await Factories.for(t);
    const s = await make.staffedNetwork();
    const { url } = (await s.core.agent.post('/api/calendar/token').expect(201)).body;
    const feed = await t.anonymous().get(url).expect(200);
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
  });
});

describe('API documentation (API_DOCS)', () => {
  const docs = ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs-yaml', '/api/docs/swagger-ui-init.js'];
  const statuses = async (agent: Agent) => Promise.all(docs.map(async (path) => [path, (await agent.get(path)).status]));
  const all = (status: number) => docs.map((path) => [path, status]);

  it('is public outside production by default', async () => {
    const t = await TestApp.start();
    try {
      expect(await statuses(t.anonymous())).toEqual(all(200));
      expect((await t.anonymous().get('/api/docs-json')).body.paths['/api/auth/login']).toBeDefined();
    } finally {
      await t.close();
    }
  });

  it('is only for signed-in users in production by default, and with API_DOCS=authenticated', async () => {
    // Production needs a mail server and its public address to start (issue #11); nothing is mailed here.
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'https://casustafel.example.nl' };
    for (const env of [production, { API_DOCS: 'authenticated' }] as Record<string, string>[]) {
      const t = await TestApp.start(env);
      try {
        expect(await statuses(t.anonymous())).toEqual(all(401));
        const refused = await t.anonymous().get('/api/docs-json').set('Cookie', 'casustafel_session=verzonnen');
        expect(refused.body).toEqual({ statusCode: 401, message: 'Log in om de API-documentatie te lezen.', error: 'Unauthorized' });
        expect(await statuses(await t.admin())).toEqual(all(200));
      } finally {
        await t.close();
      }
    }
  });

  it('is gone with API_DOCS=off, also for signed-in users', async () => {
    const t = await TestApp.start({ API_DOCS: 'off' });
    try {
      expect(await statuses(await t.admin())).toEqual(all(404));
      expect((await t.anonymous().get('/api/docs-json')).body.message).toBe('Niet gevonden.');
    } finally {
      await t.close();
    }
  });
});
