import { DataSource } from 'typeorm';
import { Factories, caseBody } from './support/factories';
import { TestApp } from './support/test-app';
import { useTestApp } from './support/use-test-app';

describe('Requests and errors', () => {
  const { t } = useTestApp();

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

  describe('inputs that once gave 500', () => {
    let s: Awaited<ReturnType<Factories['staffedNetwork']>>;
    let meetingId: string;
    beforeAll(async () => {
      const make = await Factories.for(t);
      s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
      const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      meetingId = (
        await s.coordinator.agent.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 90 }).expect(201)
      ).body.id;
    });

    it.each([
      ['a case without client', { client: undefined }, 'client', 'Vul de gegevens van de cliënt in.'],
      ['a case with client: []', { client: [] }, 'client', 'Vul de gegevens van de cliënt in.'],
      ['a case with client: null', { client: null }, 'client', 'Vul de gegevens van de cliënt in.'],
      ['a case with client: "Jan"', { client: 'Jan' }, 'client', 'Vul de gegevens van de cliënt in.'],
      ['a case without consent', { consent: undefined }, 'consent', 'Kies of de cliënt toestemming gaf.'],
      ['a case with consent: null', { consent: null }, 'consent', 'Kies of de cliënt toestemming gaf.'],
      [
        'a case with a null phone number',
        { client: { ...caseBody().client, phone: null } },
        'client.phone',
        expect.stringMatching(/telefoonnummer/),
      ],
    ])('answers %s with 400 and a Dutch message', async (_what, overrides, field, message) => {
      const res = await s.coordinator.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody(overrides)).expect(400);
      expect(res.body.fields[field]).toEqual([message]);
    });

    it.each([
      [{ attendance: [[]] }, 'attendance.0'],
      [{ attendance: [null] }, 'attendance.0'],
      [{ attendance: ['CORE'] }, 'attendance.0'],
      [{ attendance: {} }, 'attendance'],
    ])('answers attendance %j with 400', async (body, field) => {
      const res = await s.coordinator.agent.put(`/api/meetings/${meetingId}/attendance`).send(body).expect(400);
      expect(Object.keys(res.body.fields)).toContain(field.split('.')[0]);
      expect(res.body.message).toMatch(/aanwezigheid/);
    });

    it('answers a meeting series given as a list with 400', async () => {
      const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      const res = await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt, durationMinutes: 90, repeat: [] })
        .expect(400);
      expect(res.body.fields.repeat).toEqual(['Vul de herhaling in met het aantal weken ertussen en het aantal overleggen.']);
    });

    it('answers {active: null} for a user with 400, and leaves the user active', async () => {
      const admin = await t.admin();
      const res = await admin.patch(`/api/users/${s.core.user.id}`).send({ active: null }).expect(400);
      expect(res.body.fields).toEqual({ active: ['Actief moet ja of nee zijn.'] });
      await s.core.agent.get('/api/auth/me').expect(200);
    });

    it('answers JSON nested 20,000 deep with 400', async () => {
      const res = await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/cases`)
        .set('Content-Type', 'application/json')
        .send('{"client":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}')
        .expect(400);
      expect(res.body.message).toMatch(/te diep genest/);
    });

    it('refuses null for every field that may only be left out', async () => {
      const item = { kind: 'THEME', title: 'Thema: eenzaamheid' };
      const meeting = (await s.coordinator.agent.post(`/api/meetings/${meetingId}/agenda`).send(item).expect(201)).body;
      const itemId = meeting.agenda.at(-1).id;
      for (const field of ['notes', 'decisions', 'position', 'minutes']) {
        const res = await s.coordinator.agent
          .patch(`/api/meetings/${meetingId}/agenda/${itemId}`)
          .send({ [field]: null, version: 1 })
          .expect(400);
        expect(Object.keys(res.body.fields)).toEqual([field]);
      }
    });

    it('says in Dutch which field is wrong where the DTO has no message of its own', async () => {
      const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      const res = await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt, durationMinutes: 90, location: 42 })
        .expect(400);
      expect(res.body.fields).toEqual({ location: ['Het veld "location" moet tekst zijn.'] });
    });
  });

  it('publishes the OpenAPI document with the DTO schemas', async () => {
    const res = await t.anonymous().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/networks/{id}/roles']));
    expect(res.body.components.schemas.ActivateAccountDto.properties.password.minLength).toBe(12);
    expect(res.body.components.schemas.CreateUserDto.properties.password).toBeUndefined();
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
  /** Production needs a mail server and its public address (the worker does not run in tests). */
  const PRODUCTION_MAIL = { SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'https://casustafel.example.nl' };

  it('refuses to start in production on an empty database without ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    await expect(TestApp.start({ NODE_ENV: 'production', ...PRODUCTION_MAIL, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })).rejects.toThrow(
      /Zet ADMIN_EMAIL en ADMIN_PASSWORD/,
    );
  });

  it('creates the first administrator in production, and no demo data', async () => {
    const t = await TestApp.start({ NODE_ENV: 'production', ...PRODUCTION_MAIL, SEED_DEMO_DATA: 'true' });
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
      // The municipality (issue #13) in both networks, seeing no case; the volunteers' capacities recorded.
      const municipality = await t.login('gemeente@demo.casustafel.nl', 'Casustafel-demo-2026');
      const its = (await municipality.get('/api/auth/me').expect(200)).body.networks as { id: string; role: string }[];
      expect(its.map((n) => n.role)).toEqual(['MUNICIPALITY', 'MUNICIPALITY']);
      for (const n of its) await municipality.get(`/api/networks/${n.id}/cases`).expect(403);
      const buurt = its.find((n) => me.networks.some((m: { id: string; role: string }) => m.id === n.id && m.role === 'COORDINATOR'))!;
      const members = (await coordinator.get(`/api/networks/${buurt.id}/members`).expect(200)).body as {
        organisation: { name: string };
        capacity: number | null;
      }[];
      expect(members.find((m) => m.organisation.name === 'Humanitas Eemland')!.capacity).toBe(3);
    } finally {
      await t.close();
    }
  });
});
