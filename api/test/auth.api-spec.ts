import { DataSource } from 'typeorm';
import { ADMIN, PASSWORD, TestApp } from './support/test-app';
import { Factories } from './support/factories';

describe('Authentication', () => {
  let t: TestApp;
  let make: Factories;
  let email: string;

  beforeAll(async () => {
    t = await TestApp.start();
    make = await Factories.for(t);
    const organisation = await make.organisation();
    email = (await make.user(organisation.id, 'Jet Kuipers')).email;
  });
  afterAll(() => t.close());
  // Throttling counts failures per minute; start every test in a quiet minute.
  beforeEach(() => t.clock.advanceMinutes(2));

  it('logs in with e-mail and password, sets an httpOnly SameSite=Strict cookie and returns the user', async () => {
    const res = await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(res.body.user).toMatchObject({ name: 'Jet Kuipers', email, isAdmin: false, networks: [], guestMeetings: [] });
    const cookie = res.headers['set-cookie'][0];
    expect(cookie).toMatch(/^casustafel_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure when the request came in over HTTPS behind a trusted proxy', async () => {
    const proxied = await TestApp.start({ TRUST_PROXY: 'loopback' });
    try {
      const res = await proxied
        .anonymous()
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send(ADMIN)
        .expect(200);
      expect(res.headers['set-cookie'][0]).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('accepts the e-mail address in any case', async () => {
    await t.anonymous().post('/api/auth/login').send({ email: email.toUpperCase(), password: PASSWORD }).expect(200);
  });

  it('gives one generic Dutch message for a wrong password and for an unknown e-mail', async () => {
    const wrongPassword = await t.anonymous().post('/api/auth/login').send({ email, password: 'fout-wachtwoord' }).expect(401);
    const unknownEmail = await t.anonymous().post('/api/auth/login').send({ email: 'niemand@test.nl', password: PASSWORD }).expect(401);
    expect(wrongPassword.body).toEqual({ statusCode: 401, message: 'Het e-mailadres of het wachtwoord klopt niet.', error: 'Unauthorized' });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('answers /me with the user, organisation and networks, and 401 without a session', async () => {
    const agent = await t.login(email);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(Object.keys(me.body).sort()).toEqual(['email', 'guestMeetings', 'id', 'isAdmin', 'name', 'networks', 'organisation']);
    const anonymous = await t.anonymous().get('/api/auth/me').expect(401);
    expect(anonymous.body.message).toBe('Je bent niet ingelogd. Log in om verder te gaan.');
  });

  it('ends the session on logout', async () => {
    const agent = await t.login(email);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('ends a session after 30 minutes without activity, but not while it is used', async () => {
    const agent = await t.login(email);
    t.clock.advanceMinutes(20);
    await agent.get('/api/auth/me').expect(200);
    t.clock.advanceMinutes(25);
    await agent.get('/api/auth/me').expect(200);
    t.clock.advanceMinutes(30);
    const res = await agent.get('/api/auth/me').expect(401);
    expect(res.body.message).toBe('Je sessie is verlopen. Log opnieuw in.');
  });

  it('ends a session after 12 hours even when it is used all the time', async () => {
    const agent = await t.login(email);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advanceMinutes(20);
      await agent.get('/api/auth/me').expect(200);
    }
    t.clock.advanceMinutes(20);
    await agent.get('/api/auth/me').expect(401);
  });

  it('answers 429 after 5 failed logins for one account within a minute, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await t.anonymous().post('/api/auth/login').send({ email, password: `fout-${i}` }).expect(401);
    }
    const res = await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(429);
    expect(res.body.message).toMatch(/Te veel mislukte inlogpogingen/);
    t.clock.advanceMinutes(1.1);
    await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  });

  it('answers 429 after 5 failed logins from one address, whatever the account', async () => {
    for (let i = 0; i < 5; i++) {
      await t.anonymous().post('/api/auth/login').send({ email: `onbekend${i}@test.nl`, password: 'fout' }).expect(401);
    }
    await t.anonymous().post('/api/auth/login').send(ADMIN).expect(429);
  });

  it('refuses a deactivated account at once, including its open sessions', async () => {
    make = await Factories.for(t);
    const organisation = await make.organisation();
    const user = await make.user(organisation.id);
    const agent = await t.login(user.email);
    const admin = await t.admin();
    await admin.patch(`/api/users/${user.id}`).send({ active: false }).expect(200);
    await agent.get('/api/auth/me').expect(401);
    await t.anonymous().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
  });

  it('stores only a hash of the session token and an argon2id hash of the password', async () => {
    const res = await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    const token = /casustafel_session=([^;]+)/.exec(res.headers['set-cookie'][0])![1];
    const db = t.app.get(DataSource);
    const sessions = await db.createQueryBuilder().select('s.tokenHash', 'tokenHash').from('sessions', 's').getRawMany();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.some((s: { tokenHash: string }) => s.tokenHash.includes(token))).toBe(false);
    const user = await db.createQueryBuilder().select('u.passwordHash', 'passwordHash').from('users', 'u').where('u.email = :email', { email }).getRawOne();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
