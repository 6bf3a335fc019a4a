import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DELAY_BASE_MS, DELAY_MAX_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../src/auth/auth.service';
import { ADMIN, PASSWORD, TestApp } from './support/test-app';
import { Factories } from './support/factories';
import { useTestApp } from './support/use-test-app';

describe('Authentication', () => {
  // Throttling counts failures per minute; start every test in a quiet minute.
  const { t, make } = useTestApp({ minutesBetweenTests: 2 });
  let email: string;

  beforeAll(async () => {
    const organisation = await make.organisation();
    email = (await make.user(organisation.id, 'Jet Kuipers')).email;
  });

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
      const res = await proxied.anonymous().post('/api/auth/login').set('X-Forwarded-Proto', 'https').send(ADMIN).expect(200);
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
    expect(wrongPassword.body).toEqual({
      statusCode: 401,
      message: 'Het e-mailadres of het wachtwoord klopt niet.',
      error: 'Unauthorized',
    });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('answers /me with the user, organisation and networks, and 401 without a session', async () => {
    const agent = await t.login(email);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(Object.keys(me.body).sort()).toEqual(['email', 'guestMeetings', 'id', 'isAdmin', 'mfa', 'name', 'networks', 'organisation']);
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
      await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email, password: `fout-${i}` })
        .expect(401);
    }
    const res = await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(429);
    expect(res.body.message).toMatch(/Te veel mislukte inlogpogingen/);
    t.clock.advanceMinutes(1.1);
    await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  });

  it('answers 429 to one address after 20 failed logins there, whatever the account', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email: `onbekend${i}@test.nl`, password: 'fout' })
        .expect(401);
    }
    await t.anonymous().post('/api/auth/login').send(ADMIN).expect(429);
  });

  it('checks at most 5 of 10 simultaneous wrong passwords for one account; the rest get 429', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(url)
          .post('/api/auth/login')
          .send({ email, password: `gok-${i}` }),
      ),
    );
    const statuses = attempts.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    // Only checked passwords count as failures: the next attempt is refused when five were checked (the sixth of
    // this minute), not because ten were tried. (When all ten reserve at once, each sees the others and all are
    // refused unchecked: then no failure was counted and the right password gets in.)
    const checked = statuses.filter((status) => status === 401).length;
    expect((await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(checked >= 5 ? 429 : 200);
  });

  describe('from several addresses (behind a trusted proxy)', () => {
    const { t: proxied, make } = useTestApp({ env: { TRUST_PROXY: 'loopback' } });
    let owner: string;
    beforeAll(async () => {
      owner = (await make.user((await make.organisation()).id, 'Fenna de Haan')).email;
    });
    beforeEach(() => {
      proxied.clock.advanceMinutes(20);
      proxied.clock.sleeps.length = 0;
    });

    const login = (from: string, password: string, who = owner) =>
      proxied.anonymous().post('/api/auth/login').set('X-Forwarded-For', from).send({ email: who, password });

    it('does not lock the owner out when someone elsewhere guesses their password', async () => {
      for (let i = 0; i < 5; i++) await login('203.0.113.9', `gok-${i}`).expect(401);
      await login('203.0.113.9', PASSWORD).expect(429);
      await login('198.51.100.7', PASSWORD).expect(200);
    });

    it('makes every attempt on an account wait longer once it failed 5 times across addresses (password spraying)', async () => {
      for (let i = 0; i < 9; i++) await login(`192.0.2.${i + 1}`, `gok-${i}`).expect(401);
      expect(proxied.clock.sleeps).toEqual([DELAY_BASE_MS, DELAY_BASE_MS * 2, DELAY_BASE_MS * 4, DELAY_BASE_MS * 8]);
      // The owner, from their own address, gets in, after the same wait.
      await login('198.51.100.7', PASSWORD).expect(200);
      expect(proxied.clock.sleeps.at(-1)).toBe(DELAY_BASE_MS * 16);
      for (let i = 9; i < 20; i++) await login(`192.0.2.${i + 1}`, `gok-${i}`).expect(401);
      expect(Math.max(...proxied.clock.sleeps)).toBe(DELAY_MAX_MS);
    });

    it('answers 429 to everyone once an account failed 50 times within 15 minutes, and lets the owner in after', async () => {
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await login(`10.0.${Math.floor(i / 5)}.${i % 5}`, `gok-${i}`).expect(401);
      const refused = await login('198.51.100.7', PASSWORD).expect(429);
      expect(refused.body.message).toMatch(/op dit account, van verschillende plekken. Wacht een kwartier/);
      proxied.clock.advanceMinutes(16);
      await login('198.51.100.7', PASSWORD).expect(200);
    });
  });

  it('refuses a deactivated account at once, including its open sessions', async () => {
    const make = await Factories.for(t);
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
    const user = await db
      .createQueryBuilder()
      .select('u.passwordHash', 'passwordHash')
      .from('users', 'u')
      .where('u.email = :email', { email })
      .getRawOne();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
