import { DataSource } from 'typeorm';
import { COMMON_PASSWORD } from '../src/users/password-policy';
import { TOKEN_INVALID } from '../src/users/account-tokens';
import { WRONG_CREDENTIALS } from '../src/auth/auth.service';
import { TOO_MANY_RESETS, WRONG_CURRENT_PASSWORD } from '../src/auth/account.service';
import { MailMessage } from '../src/mail/mail-message.entity';
import { PASSWORD, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * Accounts only their owner controls (issue #11, ADR 0014): no password from the administrator, an
 * activation link (72 h, once), strong passwords, change and reset that end sessions, and a reset
 * request that tells nobody whether an address has an account.
 */
describe('Activation, passwords and reset', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 2 });
  let admin: Agent;
  let organisationId: string;
  let counter = 0;
  beforeAll(async () => {
    admin = await t.admin();
    organisationId = (await make.organisation()).id;
  });
  beforeEach(async () => {
    admin = await t.admin();
  });

  async function invite(name = `Nieuwe Collega ${++counter}`) {
    const email = `collega.${++counter}@test.nl`;
    const res = await admin.post('/api/users').send({ name, email, organisationId }).expect(201);
    return { id: res.body.id as string, email, name, view: res.body };
  }
  const activate = (token: string, password: string) => t.anonymous().post('/api/auth/activate').send({ token, password });
  const mails = (email: string, template: string) =>
    t.app.get(DataSource).getRepository(MailMessage).countBy({ recipient: email, template });

  describe('activation', () => {
    it('refuses a password chosen by the administrator (400: an unknown field)', async () => {
      const res = await admin
        .post('/api/users')
        .send({ name: 'Met Wachtwoord', email: 'met.wachtwoord@test.nl', password: 'Lantaarn-fietsbel-77', organisationId })
        .expect(400);
      expect(res.body.fields).toEqual({ password: ['Onbekend veld "password": dit veld hoort niet bij dit verzoek.'] });
    });

    it('creates the account not activated; it cannot log in (the same 401 as a wrong password) until the owner activates it', async () => {
      const user = await invite();
      expect(user.view).toMatchObject({ activated: false, active: true });
      const res = await t.anonymous().post('/api/auth/login').send({ email: user.email, password: 'Lantaarn-fietsbel-77' }).expect(401);
      expect(res.body.message).toBe(WRONG_CREDENTIALS);
      expect(await mails(user.email, 'activation')).toBe(1);

      await activate(await t.mailedToken(user.email, 'activation'), 'Lantaarn-fietsbel-77').expect(204);
      await t.login(user.email, 'Lantaarn-fietsbel-77');
      const listed = (await admin.get('/api/users').expect(200)).body.find((u: { id: string }) => u.id === user.id);
      expect(listed.activated).toBe(true);
    });

    it('lets a link be used once', async () => {
      const user = await invite();
      const token = await t.mailedToken(user.email, 'activation');
      await activate(token, 'Lantaarn-fietsbel-77').expect(204);
      const again = await activate(token, 'Andere-zin-met-woorden-8').expect(400);
      expect(again.body.message).toBe(TOKEN_INVALID);
      await t.login(user.email, 'Lantaarn-fietsbel-77');
    });

    it('lets one of two simultaneous uses of a link succeed', async () => {
      const user = await invite();
      const token = await t.mailedToken(user.email, 'activation');
      const statuses = (await Promise.all([activate(token, 'Lantaarn-fietsbel-77'), activate(token, 'Andere-zin-met-woorden-8')])).map(
        (r) => r.status,
      );
      expect(statuses.sort()).toEqual([204, 400]);
    });

    it('ends a link after 72 hours; the administrator sends a new one, and only the newest works', async () => {
      const user = await invite();
      const first = await t.mailedToken(user.email, 'activation');
      t.clock.advanceMinutes(72 * 60 + 1);
      expect((await activate(first, 'Lantaarn-fietsbel-77').expect(400)).body.message).toBe(TOKEN_INVALID);

      admin = await t.admin();
      await admin.post(`/api/users/${user.id}/activation`).expect(204);
      const second = await t.mailedToken(user.email, 'activation');
      t.clock.advanceMinutes(1); // the newest mail is told apart by its time
      await admin.post(`/api/users/${user.id}/activation`).expect(204);
      const third = await t.mailedToken(user.email, 'activation');
      expect(new Set([first, second, third]).size).toBe(3);
      await activate(second, 'Lantaarn-fietsbel-77').expect(400);
      await activate(third, 'Lantaarn-fietsbel-77').expect(204);
      // Activated: no new link.
      const res = await admin.post(`/api/users/${user.id}/activation`).expect(409);
      expect(res.body.message).toMatch(/al geactiveerd/);
    });

    it('refuses an unknown or malformed token with the same Dutch sentence', async () => {
      expect((await activate('A'.repeat(43), 'Lantaarn-fietsbel-77').expect(400)).body.message).toBe(TOKEN_INVALID);
      expect((await activate('kort', 'Lantaarn-fietsbel-77').expect(400)).body.message).toBe(TOKEN_INVALID);
    });
  });

  describe('strong passwords', () => {
    it.each([
      ['aaaaaaaaaaaa', /herhaalt steeds dezelfde tekens/],
      ['Password1234', new RegExp(COMMON_PASSWORD)],
      ['welkom12345678', new RegExp(COMMON_PASSWORD)],
      ['qwertyuiop123', /toetsenbord|veelgebruikte/],
      ['casustafel2026!', /je naam, je e-mailadres of de naam Casustafel/],
    ])('refuses %s with a Dutch reason', async (password, reason) => {
      const user = await invite();
      const res = await activate(await t.mailedToken(user.email, 'activation'), password).expect(400);
      expect(res.body.message).toMatch(reason);
      expect(res.body.message).toMatch(/Kies een langer wachtwoord/);
      expect(res.body.fields.password).toEqual([res.body.message]);
    });

    it("refuses the user's own name and e-mail address as a password", async () => {
      const user = await invite('Wilhelmina Zonnebloem');
      const token = await t.mailedToken(user.email, 'activation');
      for (const password of ['WilhelminaZonnebloem', `${user.email.split('@')[0]}!!`]) {
        expect((await activate(token, password).expect(400)).body.message).toMatch(/lijkt op je naam, je e-mailadres/);
      }
      // The token was not used up by the refusals.
      await activate(token, 'Lantaarn-fietsbel-77').expect(204);
    });

    it('refuses fewer than 12 characters', async () => {
      const user = await invite();
      const res = await activate(await t.mailedToken(user.email, 'activation'), 'Kort-2026!').expect(400);
      expect(res.body.message).toBe('Het wachtwoord moet minstens 12 tekens hebben.');
    });
  });

  describe('change', () => {
    it('checks the current password, the strength of the new one, and ends the other sessions only', async () => {
      const user = await make.user(organisationId);
      const here = await t.login(user.email);
      const elsewhere = await t.login(user.email);
      const wrong = await here
        .post('/api/auth/password')
        .send({ currentPassword: 'niet-mijn-wachtwoord', newPassword: 'Regenboog-paraplu-31' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields).toEqual({ currentPassword: [WRONG_CURRENT_PASSWORD] });
      const weak = await here.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'Password1234' }).expect(400);
      expect(weak.body.fields.newPassword[0]).toMatch(COMMON_PASSWORD);
      await elsewhere.get('/api/auth/me').expect(200);

      await here.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'Regenboog-paraplu-31' }).expect(204);
      await here.get('/api/auth/me').expect(200);
      await elsewhere.get('/api/auth/me').expect(401);
      await t.anonymous().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
      await t.login(user.email, 'Regenboog-paraplu-31');
      expect(await mails(user.email, 'passwordChanged')).toBe(1);
    });

    it('throttles guessing the current password like a login', async () => {
      const user = await make.user(organisationId);
      const agent = await t.login(user.email);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push(
          (await agent.post('/api/auth/password').send({ currentPassword: `fout-${i}`, newPassword: 'Regenboog-paraplu-31' })).status,
        );
      }
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    });
  });

  describe('reset', () => {
    const request = (email: string) => t.anonymous().post('/api/auth/password-reset').send({ email });
    const confirm = (token: string, password: string) => t.anonymous().post('/api/auth/password-reset/confirm').send({ token, password });

    it('answers 202 with the same (empty) body for a known and an unknown address, and mails only the known one', async () => {
      const user = await make.user(organisationId);
      const known = await request(user.email.toUpperCase()).expect(202);
      const unknown = await request('niemand.bekend@test.nl').expect(202);
      expect(known.text).toBe(unknown.text);
      expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
      expect(await t.mailedToken(user.email, 'passwordReset')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await mails('niemand.bekend@test.nl', 'passwordReset')).toBe(0);
    });

    it('sets the new password with the link (1 h, once) and ends every session of the user', async () => {
      const user = await make.user(organisationId);
      const session = await t.login(user.email);
      await request(user.email).expect(202);
      const token = await t.mailedToken(user.email, 'passwordReset');
      expect((await confirm(token, 'aaaaaaaaaaaa').expect(400)).body.message).toMatch(/herhaalt/);
      await confirm(token, 'Zonnewijzer-koffiekan-5').expect(204);
      await session.get('/api/auth/me').expect(401);
      await t.anonymous().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
      await t.login(user.email, 'Zonnewijzer-koffiekan-5');
      expect((await confirm(token, 'Nog-een-ander-wachtwoord-9').expect(400)).body.message).toBe(TOKEN_INVALID);
      expect(await mails(user.email, 'passwordChanged')).toBe(1);
    });

    it('ends the link after an hour', async () => {
      const user = await make.user(organisationId);
      await request(user.email).expect(202);
      const token = await t.mailedToken(user.email, 'passwordReset');
      t.clock.advanceMinutes(61);
      expect((await confirm(token, 'Zonnewijzer-koffiekan-5').expect(400)).body.message).toBe(TOKEN_INVALID);
    });

    it('throttles per address, the same for known and unknown addresses', async () => {
      const user = await make.user(organisationId);
      for (const email of [user.email, 'ook.onbekend@test.nl']) {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await request(email)).status);
        expect(statuses).toEqual([202, 202, 202, 429, 429]);
      }
      const res = await request(user.email).expect(429);
      expect(res.body.message).toBe(TOO_MANY_RESETS);
      expect(await mails(user.email, 'passwordReset')).toBe(3);
      t.clock.advanceMinutes(61);
      await request(user.email).expect(202);
    });

    it('throttles per IP address across addresses', async () => {
      t.clock.advanceMinutes(61); // an hour without requests from this address
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await request(`veel.${i}@test.nl`)).status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(20);
      expect(statuses.slice(20)).toEqual([429, 429]);
    });
  });
});
