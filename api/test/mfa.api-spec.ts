import { generate } from 'otplib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MfaSetupView, SessionView } from '@casustafel/contract/account';
import { ENROLMENT_NEEDED, MFA_CODE_NEEDED } from '../src/auth/auth.guard';
import { WRONG_CREDENTIALS } from '../src/auth/auth.service';
import { Session } from '../src/auth/session.entity';
import { MAX_CODE_FAILURES, TOO_MANY_CODES, WRONG_CODE, WRONG_PASSWORD_OR_CODE } from '../src/auth/mfa.service';
import { AccessLogEntry } from '../src/privacy/access-log-entry.entity';
import { RecoveryCode } from '../src/users/recovery-code.entity';
import { User } from '../src/users/user.entity';
import type { Factories } from './support/factories';
import { ADMIN, PASSWORD, type Agent, type TestApp } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0';

/** Helpers bound to one app: codes at the test clock's time, people, enrolment, half logins. */
function helpers(t: TestApp, make: Factories) {
  const totp = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
  return {
    totp,
    /** A user without a role, signed in. */
    async person(): Promise<{ id: string; email: string; agent: Agent }> {
      const user = await make.user((await make.organisation()).id);
      return { id: user.id, email: user.email, agent: await t.login(user.email) };
    },
    /** Sets up and confirms a second factor; the clock then moves a minute on, so that the next code is a new one. */
    async enrol(agent: Agent): Promise<{ secret: string; recoveryCodes: string[] }> {
      const { secret } = (await agent.post('/api/auth/mfa/setup').expect(200)).body as MfaSetupView;
      const confirmed = await agent
        .post('/api/auth/mfa/confirm')
        .send({ code: await totp(secret) })
        .expect(200);
      t.clock.advanceMinutes(1);
      return { secret, recoveryCodes: confirmed.body.recoveryCodes };
    },
    /** A login with MFA on: only the half-session and {mfaRequired: true}. */
    async halfLogin(email: string): Promise<Agent> {
      const agent = t.anonymous();
      const res = await agent.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
      expect(res.body).toEqual({ mfaRequired: true });
      return agent;
    },
  };
}

describe('Second factor (TOTP) and sessions', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 2 });
  let h: ReturnType<typeof helpers>;
  beforeAll(() => (h = helpers(t, make)));

  it('sets up a secret that counts only once confirmed with a code, and returns ten recovery codes once', async () => {
    const { id, email, agent } = await h.person();
    const setup = (await agent.post('/api/auth/mfa/setup').expect(200)).body as MfaSetupView;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Casustafel:/);
    expect(setup.otpauthUrl).toContain(`secret=${setup.secret}`);
    expect(setup.otpauthUrl).toContain(encodeURIComponent(email));
    expect((await agent.get('/api/auth/me').expect(200)).body.mfa).toEqual({ enabled: false, enrolmentRequired: false });

    const wrong = await agent.post('/api/auth/mfa/confirm').send({ code: '000000' }).expect(400);
    expect(wrong.body.message).toBe(WRONG_CODE);
    const confirmed = await agent
      .post('/api/auth/mfa/confirm')
      .send({ code: await h.totp(setup.secret) })
      .expect(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    expect((await agent.get('/api/auth/me').expect(200)).body.mfa).toEqual({ enabled: true, enrolmentRequired: false });
    expect((await agent.post('/api/auth/mfa/setup').expect(409)).body.message).toMatch(/staat al aan/);
    const users = (await (await t.admin()).get('/api/users').expect(200)).body as { id: string; mfaEnabled: boolean }[];
    expect(users.find((u) => u.id === id)?.mfaEnabled).toBe(true);

    // At rest: the secret encrypted, the recovery codes only as keyed hashes.
    const db = t.app.get(DataSource);
    const stored = await db.getRepository(User).findOneByOrFail({ id });
    expect(stored.mfaSecret).not.toContain(setup.secret);
    const hashes = (await db.getRepository(RecoveryCode).findBy({ userId: id })).map((r) => r.codeHash);
    expect(hashes).toHaveLength(10);
    for (const code of codes) expect(hashes.join()).not.toContain(code.replace('-', ''));
  });

  it('gives a correct password with MFA on only a half-session: 401 everywhere until the code, then a new session', async () => {
    const { email, agent } = await h.person();
    const { secret } = await h.enrol(agent);
    // A wrong password says nothing about the second factor.
    const refused = await t.anonymous().post('/api/auth/login').send({ email, password: 'fout-wachtwoord' }).expect(401);
    expect(refused.body.message).toBe(WRONG_CREDENTIALS);

    const half = t.anonymous();
    const login = await half.post('/api/auth/login').set('User-Agent', FIREFOX).send({ email, password: PASSWORD }).expect(200);
    expect(login.body).toEqual({ mfaRequired: true });
    const halfCookie = login.headers['set-cookie'][0].split(';')[0];
    for (const path of ['/api/auth/me', '/api/networks', '/api/auth/sessions', '/api/actions']) {
      const res = await half.get(path).expect(401);
      expect(res.body.message).toBe(MFA_CODE_NEEDED);
    }
    await half.post('/api/auth/mfa/setup').expect(401);
    await half.post('/api/auth/mfa/disable').send({ password: PASSWORD, code: '123456' }).expect(401);

    const verified = await half
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(200);
    expect(verified.body.user).toMatchObject({ email, mfa: { enabled: true, enrolmentRequired: false } });
    expect(verified.headers['set-cookie'][0].split(';')[0]).not.toBe(halfCookie);
    await half.get('/api/auth/me').expect(200);
    const sessions = (await half.get('/api/auth/sessions').expect(200)).body as SessionView[];
    expect(sessions.find((s) => s.current)).toMatchObject({ browser: 'Firefox 145 op Linux' });
    // The half-session's token is gone: it was replaced, not promoted.
    await request(t.app.getHttpServer()).get('/api/auth/me').set('Cookie', halfCookie).expect(401);
    // A full session has no code to give.
    await agent
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(409);
  });

  it('accepts a code from the app once only, also within its 30 seconds', async () => {
    const { email, agent } = await h.person();
    const { secret } = await h.enrol(agent);
    const code = await h.totp(secret);
    await (await h.halfLogin(email)).post('/api/auth/mfa/verify').send({ code }).expect(200);
    const again = await (await h.halfLogin(email)).post('/api/auth/mfa/verify').send({ code }).expect(400);
    expect(again.body.message).toBe(WRONG_CODE);
  });

  it('accepts a recovery code instead, once, typed in any case and with or without the hyphen', async () => {
    const { email, agent } = await h.person();
    const { recoveryCodes } = await h.enrol(agent);
    const [first, second] = recoveryCodes;
    await (
      await h.halfLogin(email)
    )
      .post('/api/auth/mfa/verify')
      .send({ code: first!.replace('-', '').toUpperCase() })
      .expect(200);
    await (await h.halfLogin(email)).post('/api/auth/mfa/verify').send({ code: first }).expect(400);
    await (await h.halfLogin(email)).post('/api/auth/mfa/verify').send({ code: second }).expect(200);
    await (await h.halfLogin(email)).post('/api/auth/mfa/verify').send({ code: 'abcde-fghjk' }).expect(400);
  });

  it(`throttles wrong codes: after ${MAX_CODE_FAILURES} within 15 minutes even the right code gets 429, in any session`, async () => {
    const { email, agent } = await h.person();
    const { secret } = await h.enrol(agent);
    const half = await h.halfLogin(email);
    for (let i = 0; i < MAX_CODE_FAILURES; i++) await half.post('/api/auth/mfa/verify').send({ code: '000000' }).expect(400);
    const blocked = await half
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(429);
    expect(blocked.body.message).toBe(TOO_MANY_CODES);
    await (
      await h.halfLogin(email)
    )
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(429);
    // The same count guards turning MFA off from a full session.
    await agent
      .post('/api/auth/mfa/disable')
      .send({ password: PASSWORD, code: await h.totp(secret) })
      .expect(429);

    t.clock.advanceMinutes(16);
    // The half-session has ended meanwhile (5 minutes); a new one gets in.
    await half.get('/api/auth/me').expect(401);
    await (
      await h.halfLogin(email)
    )
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(200);
  });

  it('ends a half-session that waits more than 5 minutes for the code', async () => {
    const { email, agent } = await h.person();
    const { secret } = await h.enrol(agent);
    const half = await h.halfLogin(email);
    t.clock.advanceMinutes(6);
    const res = await half
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(401);
    expect(res.body.message).toMatch(/sessie is verlopen/);
  });

  it('turns MFA off only with the password and a current code; the other sessions end', async () => {
    const { email, agent } = await h.person();
    const { secret } = await h.enrol(agent);
    const other = await h.halfLogin(email);
    await other
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(200);
    t.clock.advanceMinutes(1);

    expect((await agent.post('/api/auth/mfa/disable').send({ code: '123456' }).expect(400)).body.fields).toBeDefined();
    const wrongPassword = await agent
      .post('/api/auth/mfa/disable')
      .send({ password: 'fout-wachtwoord', code: await h.totp(secret) })
      .expect(400);
    expect(wrongPassword.body.message).toBe(WRONG_PASSWORD_OR_CODE);
    await agent.post('/api/auth/mfa/disable').send({ password: PASSWORD, code: '000000' }).expect(400);
    await agent
      .post('/api/auth/mfa/disable')
      .send({ password: PASSWORD, code: await h.totp(secret) })
      .expect(204);

    expect((await agent.get('/api/auth/me').expect(200)).body.mfa).toEqual({ enabled: false, enrolmentRequired: false });
    await other.get('/api/auth/me').expect(401);
    const login = await t.anonymous().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body.user.email).toBe(email);
    await agent.post('/api/auth/mfa/disable').send({ password: PASSWORD, code: '123456' }).expect(409);
  });

  it('lets the administrator reset a second factor: logged as MFA_RESET, the user signed out, only for an administrator', async () => {
    const s = await make.staffedNetwork();
    await h.enrol(s.core.agent);
    const admin = await t.admin();
    await s.coordinator.agent.post(`/api/users/${s.core.user.id}/mfa/reset`).expect(403);

    const reset = await admin.post(`/api/users/${s.core.user.id}/mfa/reset`).expect(200);
    expect(reset.body).toMatchObject({ id: s.core.user.id, mfaEnabled: false });
    await s.core.agent.get('/api/auth/me').expect(401);
    await admin.post(`/api/users/${s.core.user.id}/mfa/reset`).expect(409);
    await admin.post('/api/users/00000000-0000-4000-8000-000000000000/mfa/reset').expect(404);

    const adminId = (await admin.get('/api/auth/me').expect(200)).body.id;
    const rows = await t.app.get(DataSource).getRepository(AccessLogEntry).findBy({ subjectUserId: s.core.user.id, action: 'MFA_RESET' });
    expect(rows).toMatchObject([
      { action: 'MFA_RESET', networkId: s.network.id, role: 'ADMIN', userId: adminId, subjectRole: 'CORE_PARTNER', context: 'MANAGEMENT' },
    ]);
    const log = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log?action=MFA_RESET`).expect(200)).body;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['MFA_RESET']);

    // The old secret is gone: signing in needs no code now (the policy is off in tests).
    const login = await t.anonymous().post('/api/auth/login').send({ email: s.core.user.email, password: PASSWORD }).expect(200);
    expect(login.body.user.mfa).toEqual({ enabled: false, enrolmentRequired: false });
  });

  it("lists the user's own live sessions with browser and address, and ends one of them but never someone else's", async () => {
    const { email, agent: second } = await h.person();
    const first = t.anonymous();
    await first.post('/api/auth/login').set('User-Agent', FIREFOX).send({ email, password: PASSWORD }).expect(200);
    const stranger = await h.person();

    const sessions = (await first.get('/api/auth/sessions').expect(200)).body as SessionView[];
    expect(sessions).toHaveLength(2);
    const mine = sessions.find((s) => s.current)!;
    expect(mine).toMatchObject({ browser: 'Firefox 145 op Linux', current: true });
    expect(mine.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(Object.keys(mine).sort()).toEqual(['browser', 'createdAt', 'current', 'id', 'ip', 'lastSeenAt']);
    const theirs = sessions.find((s) => !s.current)!;

    const strangerSession = ((await stranger.agent.get('/api/auth/sessions').expect(200)).body as SessionView[])[0]!;
    const refused = await first.delete(`/api/auth/sessions/${strangerSession.id}`).expect(404);
    expect(refused.body.message).toBe('Deze sessie bestaat niet (meer).');
    await stranger.agent.get('/api/auth/me').expect(200);

    await first.delete(`/api/auth/sessions/${theirs.id}`).expect(204);
    await second.get('/api/auth/me').expect(401);
    expect(((await first.get('/api/auth/sessions').expect(200)).body as SessionView[]).map((s) => s.id)).toEqual([mine.id]);
    await first.delete(`/api/auth/sessions/${theirs.id}`).expect(404);
    await first.delete(`/api/auth/sessions/${mine.id}`).expect(204);
    await first.get('/api/auth/me').expect(401);
  });

  it('removes sessions that ended by time, with their address and browser, at the next login', async () => {
    const { id } = await h.person();
    const sessions = t.app.get(DataSource).getRepository(Session);
    expect(await sessions.countBy({ userId: id })).toBe(1);
    t.clock.advanceMinutes(31);
    await t.admin();
    expect(await sessions.countBy({ userId: id })).toBe(0);
  });
});

describe('MFA_REQUIRED=identities', () => {
  const { t, make } = useTestApp({ env: { MFA_REQUIRED: 'identities' }, minutesBetweenTests: 2 });
  let h: ReturnType<typeof helpers>;
  beforeAll(() => (h = helpers(t, make)));

  it('makes whoever may see identities enrol before reading a case; the others and the administrator go on', async () => {
    // In an OGGZ network the volunteer representative sees only pseudonyms; the coordinator sees everything.
    const s = await make.staffedNetwork('OGGZ');
    const c = s.coordinator.agent;
    const me = (await c.get('/api/auth/me').expect(200)).body;
    expect(me.mfa).toEqual({ enabled: false, enrolmentRequired: true });
    for (const path of [`/api/networks/${s.network.id}/cases`, '/api/networks', `/api/networks/${s.network.id}`, '/api/auth/sessions']) {
      const res = await c.get(path).expect(403);
      expect(res.body.message).toBe(ENROLMENT_NEEDED);
    }
    expect((await s.volunteer.agent.get('/api/auth/me').expect(200)).body.mfa.enrolmentRequired).toBe(false);
    await s.volunteer.agent.get(`/api/networks/${s.network.id}/questions`).expect(200);
    const admin = t.anonymous();
    expect((await admin.post('/api/auth/login').send(ADMIN).expect(200)).body.user.mfa.enrolmentRequired).toBe(false);

    const { secret } = await h.enrol(c);
    expect((await c.get('/api/auth/me').expect(200)).body.mfa).toEqual({ enabled: true, enrolmentRequired: false });
    await c.get(`/api/networks/${s.network.id}/cases`).expect(200);

    // Turned off again, the session must enrol once more before going on.
    await c
      .post('/api/auth/mfa/disable')
      .send({ password: PASSWORD, code: await h.totp(secret) })
      .expect(204);
    expect((await c.get(`/api/networks/${s.network.id}/cases`).expect(403)).body.message).toBe(ENROLMENT_NEEDED);
  });

  it('makes a user enrol again at their next login after the administrator reset their second factor', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD');
    const { secret } = await h.enrol(s.core.agent);
    const half = await h.halfLogin(s.core.user.email);
    await half
      .post('/api/auth/mfa/verify')
      .send({ code: await h.totp(secret) })
      .expect(200);
    await half.get(`/api/networks/${s.network.id}/cases`).expect(200);

    await (await t.admin()).post(`/api/users/${s.core.user.id}/mfa/reset`).expect(200);
    await half.get('/api/auth/me').expect(401);
    const again = t.anonymous();
    const login = await again.post('/api/auth/login').send({ email: s.core.user.email, password: PASSWORD }).expect(200);
    expect(login.body.user.mfa).toEqual({ enabled: false, enrolmentRequired: true });
    await again.get(`/api/networks/${s.network.id}/cases`).expect(403);
    await h.enrol(again);
    await again.get(`/api/networks/${s.network.id}/cases`).expect(200);
  });
});

describe('MFA_REQUIRED=all', () => {
  const { t, make } = useTestApp({ env: { MFA_REQUIRED: 'all' }, minutesBetweenTests: 2 });

  it('makes everyone enrol first, the administrator and users without a role included', async () => {
    const admin = t.anonymous();
    expect((await admin.post('/api/auth/login').send(ADMIN).expect(200)).body.user.mfa).toEqual({
      enabled: false,
      enrolmentRequired: true,
    });
    expect((await admin.get('/api/users').expect(403)).body.message).toBe(ENROLMENT_NEEDED);
    await helpers(t, make).enrol(admin);
    await admin.get('/api/users').expect(200);
  });
});
