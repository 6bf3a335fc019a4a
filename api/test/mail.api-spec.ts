import { simpleParser } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type Repository } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { MailMessage } from '../src/mail/mail-message.entity';
import { MailTransport } from '../src/mail/mail-transport';
import { BACKOFF_BASE_MS, MailWorker } from '../src/mail/mail-worker';
import { CANARY_MARKERS, caseBody } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { CapturingLogger } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * Mail for real (issue #11, ADR 0013): through a real SMTP server started here, read back with
 * mailparser. The outbox loses nothing when the server is down, sends once when it is back, and two
 * workers never send one message twice.
 */
describe('Mail over SMTP', () => {
  const sink = new SmtpSink();
  const logger = new CapturingLogger();
  // Before the app's hooks: the app needs the server's port.
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());
  const { t, make } = useTestApp({
    env: () => ({
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://casustafel.example.nl',
      MAIL_FROM: 'Casustafel <casustafel@gemeente.test>',
      MAIL_MAX_ATTEMPTS: '4',
    }),
    logger,
    minutesBetweenTests: 2,
  });
  let outbox: Repository<MailMessage>;
  let organisationId: string;
  beforeAll(async () => {
    outbox = t.app.get(DataSource).getRepository(MailMessage);
    organisationId = (await make.organisation()).id;
    await t.sendMail(); // the factories' own activation mails
  });

  let counter = 0;
  async function newUser(name = `Nieuwe Medewerker ${++counter}`): Promise<{ id: string; email: string }> {
    const email = `nieuw.${counter}.${Date.now()}@test.nl`;
    const res = await (await t.admin()).post('/api/users').send({ name, email, organisationId }).expect(201);
    return { id: res.body.id, email };
  }

  it('sends the activation mail over SMTP with authentication: Dutch, plain text and HTML, the link and nothing else', async () => {
    const user = await newUser('Anna de Vries');
    expect(await t.sendMail()).toBe(1);
    const [mail] = sink.to(user.email);
    expect(sink.logins).toContain(SmtpSink.USER);
    expect(mail.from?.value).toEqual([{ name: 'Casustafel', address: 'casustafel@gemeente.test' }]);
    expect(mail.subject).toBe('Activeer je account voor Casustafel');
    expect(mail.text).toContain('Beste Anna de Vries,');
    expect(mail.text).toMatch(/https:\/\/casustafel\.example\.nl\/account\/activeren\?token=[A-Za-z0-9_-]{43}\n/);
    expect(mail.text).toContain('72 uur');
    expect(mail.html).toContain('<html lang="nl">');
    const link = /https:\/\/casustafel\.example\.nl\/account\/activeren\?token=([A-Za-z0-9_-]{43})/.exec(mail.text!)!;
    expect(mail.html).toContain(`href="${link[0]}"`);

    // Sent: the row keeps no link, and the link works once.
    const row = await outbox.findOneByOrFail({ recipient: user.email });
    expect(row).toMatchObject({ data: '{}', attempts: 1, claimedBy: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    await t.anonymous().post('/api/auth/activate').send({ token: link[1], password: 'Lantaarn-fietsbel-77' }).expect(204);
    await t.login(user.email, 'Lantaarn-fietsbel-77');
  });

  it('escapes the name in the HTML part', async () => {
    const user = await newUser('Jan <b>"&" Piet</b>');
    await t.sendMail();
    const [mail] = sink.to(user.email);
    expect(mail.html).toContain('Beste Jan &lt;b&gt;&quot;&amp;&quot; Piet&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('Beste Jan <b>"&" Piet</b>,');
  });

  it('loses nothing while the SMTP server is down, retries with back-off, and delivers exactly once when it is back', async () => {
    await sink.stop();
    const user = await newUser();
    expect(await t.sendMail()).toBe(0);
    let row = await outbox.findOneByOrFail({ recipient: user.email });
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, claimedBy: null });
    expect(row.lastError).toMatch(/^(ESOCKET|ECONNECTION|ECONNREFUSED)\b/);
    expect(row.lastError).not.toContain('@');
    expect(row.dueAt.getTime() - t.clock.now().getTime()).toBe(BACKOFF_BASE_MS);

    // Not due yet: no attempt.
    expect(await t.sendMail()).toBe(0);
    expect((await outbox.findOneByOrFail({ id: row.id })).attempts).toBe(1);
    // Due, still down: the wait doubles.
    t.clock.advanceMinutes(1);
    expect(await t.sendMail()).toBe(0);
    row = await outbox.findOneByOrFail({ id: row.id });
    expect(row.attempts).toBe(2);
    expect(row.dueAt.getTime() - t.clock.now().getTime()).toBe(2 * BACKOFF_BASE_MS);

    await sink.start();
    t.clock.advanceMinutes(2);
    expect(await t.sendMail()).toBe(1);
    expect(await t.sendMail()).toBe(0);
    t.clock.advanceMinutes(60);
    expect(await t.sendMail()).toBe(0);
    expect(sink.to(user.email)).toHaveLength(1);
    expect((await outbox.findOneByOrFail({ id: row.id })).sentAt).toBeInstanceOf(Date);
    // The log names the message and the error, never the address.
    expect(logger.lines.filter((line) => line.includes(row.id)).length).toBeGreaterThan(0);
    expect(logger.lines.join('\n')).not.toContain(user.email);
  });

  it('gives up after MAIL_MAX_ATTEMPTS and logs it without the address', async () => {
    await sink.stop();
    const user = await newUser();
    try {
      for (let i = 0; i < 4; i++) {
        await t.sendMail();
        t.clock.advanceMinutes(60);
      }
    } finally {
      await sink.start();
    }
    const row = await outbox.findOneByOrFail({ recipient: user.email });
    expect(row).toMatchObject({ attempts: 4, sentAt: null, data: '{}' });
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(await t.sendMail()).toBe(0);
    expect(sink.to(user.email)).toHaveLength(0);
    expect(logger.lines.some((line) => line.includes(`Mail ${row.id} (activation) given up after 4 attempts`))).toBe(true);
    expect(logger.lines.join('\n')).not.toContain(user.email);
  });

  it('sends every message once when two workers (two API instances) run at the same moment', async () => {
    const users = [];
    for (let i = 0; i < 6; i++) users.push(await newUser());
    const other = new MailWorker(outbox, t.app.get(MailTransport), t.app.get(AppConfig), t.clock);
    const mine = t.app.get(MailWorker);
    const [a, b] = await Promise.all([mine.runOnce(), other.runOnce()]);
    expect(a + b).toBe(6);
    for (const user of users) expect(sink.to(user.email)).toHaveLength(1);
    expect(await Promise.all([mine.runOnce(), other.runOnce()])).toEqual([0, 0]);
  });

  it('leaves a message claimed by another worker alone until its claim has run out', async () => {
    const user = await newUser();
    const row = await outbox.findOneByOrFail({ recipient: user.email });
    const until = new Date(t.clock.now().getTime() + 60_000);
    await outbox.update({ id: row.id }, { claimedBy: 'another-instance', claimedUntil: until });
    expect(await t.sendMail()).toBe(0);
    t.clock.advanceMinutes(2);
    expect(await t.sendMail()).toBe(1);
    expect(sink.to(user.email)).toHaveLength(1);
  });

  it('mails no client identity: not in activation, reset or change notices, whatever the user has seen', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    await s.coordinator.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201);
    await t.anonymous().post('/api/auth/password-reset').send({ email: s.coordinator.user.email }).expect(202);
    await s.core.agent
      .post('/api/auth/password')
      .send({ currentPassword: 'een-goed-wachtwoord-42', newPassword: 'Regenboog-paraplu-31' })
      .expect(204);
    await t.sendMail();
    const mails = [...sink.to(s.coordinator.user.email), ...sink.to(s.core.user.email)];
    expect(mails.map((m) => m.subject).sort()).toEqual(
      expect.arrayContaining(['Je wachtwoord voor Casustafel is gewijzigd', 'Nieuw wachtwoord voor Casustafel']),
    );
    for (const mail of sink.messages) {
      for (const marker of CANARY_MARKERS) {
        expect(mail.text).not.toContain(marker);
        expect(mail.html).not.toContain(marker);
      }
    }
  });
});

describe('Mail without SMTP_URL (a laptop)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-outbox-'));
  const logger = new CapturingLogger();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { t, make } = useTestApp({ env: { MAIL_OUTBOX_DIR: dir }, logger });

  it('writes every message as an .eml file to the outbox folder, and says so in the log', async () => {
    const organisation = await make.organisation();
    const email = 'laptop.gebruiker@test.nl';
    await (await t.admin()).post('/api/users').send({ name: 'Laptop Gebruiker', email, organisationId: organisation.id }).expect(201);
    expect(await t.sendMail()).toBeGreaterThanOrEqual(1);
    expect(logger.lines.some((line) => line.includes(`written as .eml files to ${dir}`))).toBe(true);
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
    const mine = parsed.find((m) => m.text?.includes('Beste Laptop Gebruiker,'));
    expect(mine?.subject).toBe('Activeer je account voor Casustafel');
    expect(mine?.text).toMatch(/http:\/\/localhost:3000\/account\/activeren\?token=/);
    expect(logger.lines.join('\n')).not.toContain(email);
  });
});
