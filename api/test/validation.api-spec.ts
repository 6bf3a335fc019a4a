import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';

describe('Requests and errors', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.close());

  it('rejects unknown fields with a Dutch message naming the field', async () => {
    const admin = await t.admin();
    const res = await admin.post('/api/organisations').send({ name: 'GGD', kind: 'FORMAL', bsn: '123' }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toBe('Onbekend veld "bsn": dit veld hoort niet bij dit verzoek.');
    expect(res.body.fields.bsn).toHaveLength(1);
  });

  it('explains every invalid field in Dutch', async () => {
    const admin = await t.admin();
    const res = await admin.post('/api/networks').send({ name: 'X', kind: 'OTHER' }).expect(400);
    expect(res.body.fields).toEqual({
      name: ['De naam van het netwerk moet minstens 3 tekens hebben.'],
      kind: ['Kies het soort netwerk: OGGZ-netwerk of buurtnetwerk.'],
      area: ['Vul het werkgebied in (bijvoorbeeld een wijk of gemeente).'],
    });
  });

  it('answers an unknown route and a malformed id with a Dutch 404', async () => {
    const admin = await t.admin();
    expect((await admin.get('/api/bestaat-niet').expect(404)).body.message).toBe('Niet gevonden.');
    expect((await admin.get('/api/networks/geen-uuid').expect(404)).body.message).toBe('Niet gevonden.');
  });

  it('publishes the OpenAPI document with the DTO schemas', async () => {
    const res = await t.anonymous().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/networks/{id}/roles']));
    expect(res.body.components.schemas.CreateUserDto.properties.password.minLength).toBe(12);
  });

  it('runs on the database the run asked for (PostgreSQL under npm run test:pg)', () => {
    const expected = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'better-sqlite3';
    expect(t.app.get(DataSource).options.type).toBe(expected);
  });

  it('has migrations that match the entities exactly', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('Start-up', () => {
  it('refuses to start in production on an empty database without ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    await expect(TestApp.start({ NODE_ENV: 'production', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })).rejects.toThrow(
      /Zet ADMIN_EMAIL en ADMIN_PASSWORD/,
    );
  });

  it('creates the first administrator in production, and no demo data', async () => {
    const t = await TestApp.start({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' });
    try {
      const admin = await t.admin();
      const users = await admin.get('/api/users').expect(200);
      expect(users.body).toHaveLength(1);
      expect((await admin.get('/api/networks').expect(200)).body).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('seeds the demo networks outside production, obeying the membership rules', async () => {
    const t = await TestApp.start({ NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
    try {
      const admin = await t.admin();
      const networks = (await admin.get('/api/networks').expect(200)).body.map((n: { name: string }) => n.name);
      expect(networks).toEqual(['Buurtnetwerk 55+ Soesterkwartier', 'Lokaal Zorgnetwerk Noord']);
      const coordinator = await t.login('coordinator.buurt@demo.casustafel.nl', 'Casustafel-demo-2026');
      const me = (await coordinator.get('/api/auth/me').expect(200)).body;
      expect(me.networks.map((n: { role: string }) => n.role).sort()).toEqual(['COORDINATOR', 'SHELL_PARTNER']);
    } finally {
      await t.close();
    }
  });
});
