import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readConfig } from './app-config';

const KEY = Buffer.alloc(32, 3).toString('base64');
/** What production needs besides the data key: a mail server and the public address. */
const MAIL = { SMTP_URL: 'smtp://casustafel:geheim@mail.example.nl:587', PUBLIC_URL: 'https://casustafel.example.nl' };

describe(readConfig.name, () => {
  it('has safe development defaults', () => {
    const keyFile = join(tmpdir(), `casustafel-test-${process.pid}-${Date.now()}.key`);
    const config = readConfig({ DATA_KEY_FILE: keyFile });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      seedDemoData: true,
      databaseUrl: null,
    });
    expect(config.databasePath).toMatch(/data\/casustafel\.sqlite$/);
    // Outside production a data key is generated once, with owner-only permissions, and reused.
    expect(config.dataKeySource).toBe('generated');
    expect(existsSync(keyFile)).toBe(true);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toEqual(config.dataKey);
    expect(readConfig({ DATA_KEY_FILE: keyFile }).dataKey).toEqual(config.dataKey);
  });

  it('refuses to start in production without CASUSTAFEL_DATA_KEY, and rejects a key of the wrong size', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/CASUSTAFEL_DATA_KEY ontbreekt/);
    expect(() => readConfig({ CASUSTAFEL_DATA_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes/);
  });

  it('never seeds demo data or logs SQL in production', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      SEED_DEMO_DATA: 'true',
      DATABASE_LOGGING: 'true',
      CASUSTAFEL_DATA_KEY: KEY,
      ...MAIL,
    });
    expect(config.seedDemoData).toBe(false);
    expect(config.databaseLogging).toBe(false);
  });

  it('keeps the access-log anchor beside the SQLite file, in data/ with PostgreSQL, in memory for :memory:, or where told', () => {
    expect(readConfig({ DATABASE_PATH: '/srv/casustafel/db.sqlite', CASUSTAFEL_DATA_KEY: KEY }).accessLogAnchorPath).toBe(
      '/srv/casustafel/db.sqlite-anchor.json',
    );
    expect(readConfig({ DATABASE_URL: 'postgres://x/y', CASUSTAFEL_DATA_KEY: KEY }).accessLogAnchorPath).toMatch(
      /\/data\/access-log-anchor\.json$/,
    );
    expect(readConfig({ DATABASE_PATH: ':memory:' }).accessLogAnchorPath).toBeNull();
    expect(readConfig({ DATABASE_PATH: ':memory:', ACCESS_LOG_ANCHOR_PATH: '/mnt/worm/anchor.json' }).accessLogAnchorPath).toBe(
      '/mnt/worm/anchor.json',
    );
  });

  it('keeps PUBLIC_URL without a trailing slash, and is unset by default', () => {
    expect(readConfig({ DATABASE_PATH: ':memory:' }).publicUrl).toBeNull();
    expect(readConfig({ DATABASE_PATH: ':memory:', PUBLIC_URL: 'https://casustafel.example.nl/' }).publicUrl).toBe(
      'https://casustafel.example.nl',
    );
  });

  it('refuses to start in production without SMTP_URL or PUBLIC_URL, in Dutch', () => {
    const production = { NODE_ENV: 'production', CASUSTAFEL_DATA_KEY: KEY };
    expect(() => readConfig({ ...production, PUBLIC_URL: MAIL.PUBLIC_URL })).toThrow(/SMTP_URL ontbreekt/);
    expect(() => readConfig({ ...production, SMTP_URL: MAIL.SMTP_URL })).toThrow(/PUBLIC_URL ontbreekt/);
    const config = readConfig({ ...production, ...MAIL, MAIL_FROM: 'Casustafel <casustafel@gemeente.nl>' });
    expect(config).toMatchObject({ smtpUrl: MAIL.SMTP_URL, mailFrom: 'Casustafel <casustafel@gemeente.nl>', linkBaseUrl: MAIL.PUBLIC_URL });
  });

  it('writes mail to data/outbox beside the database without SMTP_URL, and links to localhost outside production', () => {
    const config = readConfig({ DATABASE_PATH: '/srv/casustafel/db.sqlite', CASUSTAFEL_DATA_KEY: KEY, PORT: '4000' });
    expect(config).toMatchObject({
      smtpUrl: null,
      mailFrom: 'Casustafel <noreply@localhost>',
      mailOutboxDir: '/srv/casustafel/outbox',
      mailIntervalSeconds: 10,
      mailMaxAttempts: 8,
      linkBaseUrl: 'http://localhost:4000',
    });
    expect(readConfig({ DATABASE_PATH: ':memory:', MAIL_OUTBOX_DIR: '/tmp/post' }).mailOutboxDir).toBe('/tmp/post');
  });

  it('refuses an SMTP_URL that is not smtp(s)://, without repeating it (it may hold a password)', () => {
    let error: unknown;
    try {
      readConfig({ DATABASE_PATH: ':memory:', SMTP_URL: 'http://gebruiker:geheim@mail.example.nl' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/SMTP_URL moet met smtp:\/\/ of smtps:\/\/ beginnen/);
    expect((error as Error).message).not.toContain('geheim');
  });

  it('publishes the API documentation outside production, and only to signed-in users in production', () => {
    expect(readConfig({ DATABASE_PATH: ':memory:' }).apiDocs).toBe('public');
    expect(readConfig({ NODE_ENV: 'production', CASUSTAFEL_DATA_KEY: KEY, ...MAIL }).apiDocs).toBe('authenticated');
    expect(readConfig({ NODE_ENV: 'production', CASUSTAFEL_DATA_KEY: KEY, ...MAIL, API_DOCS: 'off' }).apiDocs).toBe('off');
  });

  it('asks for a second factor from whoever sees identities in production, and from nobody elsewhere by default', () => {
    expect(readConfig({ DATABASE_PATH: ':memory:' }).mfaRequired).toBe('off');
    expect(readConfig({ DATABASE_PATH: ':memory:', NODE_ENV: 'test' }).mfaRequired).toBe('off');
    expect(readConfig({ NODE_ENV: 'production', CASUSTAFEL_DATA_KEY: KEY }).mfaRequired).toBe('identities');
    expect(readConfig({ NODE_ENV: 'production', CASUSTAFEL_DATA_KEY: KEY, MFA_REQUIRED: 'all' }).mfaRequired).toBe('all');
    expect(readConfig({ NODE_ENV: 'production', CASUSTAFEL_DATA_KEY: KEY, MFA_REQUIRED: 'off' }).mfaRequired).toBe('off');
    expect(readConfig({ DATABASE_PATH: ':memory:', MFA_REQUIRED: 'identities' }).mfaRequired).toBe('identities');
  });

  it.each([
    [{ MFA_REQUIRED: 'yes' }, /MFA_REQUIRED moet off, identities of all zijn/],
    [{ PORT: 'abc' }, /PORT moet een geheel getal/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV moet development, production of test zijn/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL moet met postgres:\/\/ beginnen/],
    [{ ADMIN_EMAIL: 'a@b.nl' }, /Zet ADMIN_EMAIL en ADMIN_PASSWORD samen/],
    [{ ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'kort' }, /minstens 12 tekens/],
    [{ SEED_DEMO_DATA: 'misschien' }, /SEED_DEMO_DATA moet true of false zijn/],
    [{ PUBLIC_URL: 'casustafel.example.nl' }, /PUBLIC_URL moet een volledig adres zijn/],
    [{ PUBLIC_URL: 'ftp://casustafel.example.nl' }, /PUBLIC_URL moet een http\(s\)-adres zijn/],
    [{ API_DOCS: 'open' }, /API_DOCS moet public, authenticated of off zijn/],
  ])('refuses %j with a Dutch explanation', (settings, message) => {
    const env = { DATABASE_PATH: ':memory:', ...settings };
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
