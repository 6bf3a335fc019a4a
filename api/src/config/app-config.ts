import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { MFA_POLICIES, type MfaPolicy } from '@casustafel/contract/account';

/**
 * The one place that reads the environment. Everything else receives an AppConfig.
 * Safe defaults for development; refuses to start in production without what it needs.
 */
export class AppConfig {
  nodeEnv!: 'development' | 'production' | 'test';
  port!: number;
  /** SQLite file (default data/casustafel.sqlite), or ':memory:' in tests. */
  databasePath!: string;
  /** postgres://… switches the driver to PostgreSQL. */
  databaseUrl!: string | null;
  /** Log SQL statements (never in production: parameters could hold client data). */
  databaseLogging!: boolean;
  adminEmail!: string | null;
  adminPassword!: string | null;
  adminName!: string;
  /** Seed demo organisations, users and networks into an empty database (never in production). */
  seedDemoData!: boolean;
  sessionIdleMinutes!: number;
  sessionAbsoluteHours!: number;
  /** Express 'trust proxy' setting, so that req.secure and req.ip are right behind a proxy. */
  trustProxy!: string | number | boolean;
  /** Folder with the built Angular client; served at / when present. */
  clientDist!: string;
  /** 32-byte key for client identities at rest (AES-256-GCM) and, derived from it, the blind index. */
  dataKey!: Buffer;
  /**
   * The signed head of the access log, kept outside the database (ACCESS_LOG_ANCHOR_PATH). Default:
   * beside the SQLite file (`<file>-anchor.json`); with PostgreSQL `data/access-log-anchor.json` in the
   * working directory; null (in memory) for an in-memory database.
   */
  accessLogAnchorPath!: string | null;
  /** Where the key came from, for a warning at start-up. */
  dataKeySource!: 'env' | 'file' | 'generated' | 'ephemeral';
  /**
   * The address users reach the app at (https://casustafel.example.nl), for links in e-mails and as
   * the one origin whose browser requests are accepted. Null: the origin is taken from each request.
   */
  publicUrl!: string | null;
  /** Who may read the OpenAPI document at /api/docs: anyone, signed-in users, or nobody. */
  apiDocs!: 'public' | 'authenticated' | 'off';
  /**
   * smtp://user:pass@host:587 (or smtps://…): where mail goes. Null outside production: messages are
   * written as .eml files to `mailOutboxDir` instead. Production refuses to start without it.
   */
  smtpUrl!: string | null;
  /** The sender of every mail (MAIL_FROM), default "Casustafel <noreply@localhost>". */
  mailFrom!: string;
  /** Where .eml files go without SMTP_URL (MAIL_OUTBOX_DIR): default `outbox/` in the data folder. */
  mailOutboxDir!: string;
  /** How often the mail worker looks for due messages (MAIL_INTERVAL_SECONDS); 0: never by itself (tests run it by hand). */
  mailIntervalSeconds!: number;
  /** How many days before a meeting its agenda goes out as a notification (AGENDA_DAYS_AHEAD, 0 = not). */
  agendaDaysAhead!: number;
  /** The hour (Amsterdam time) at which daily digests go out (DIGEST_HOUR). */
  digestHour!: number;
  /** Attempts per message before the worker gives up on it (MAIL_MAX_ATTEMPTS). */
  mailMaxAttempts!: number;
  /** The lowest level the JSON log writes (LOG_LEVEL): debug in development, info in production, silent in tests. */
  logLevel!: LogLevel;
  /** /api/health/ready reports the mail outbox down when a message waits longer than this (HEALTH_MAIL_LAG_MINUTES). */
  healthMailLagMinutes!: number;
  /** At shutdown, how long requests under way may take to finish before their connections are cut (SHUTDOWN_TIMEOUT_SECONDS). */
  shutdownTimeoutSeconds!: number;
  /** Worker threads that render PDFs (PDF_WORKERS): default the number of cores minus one, at least 1. */
  pdfWorkers!: number;
  /** Rendered PDFs of approved minutes kept in memory (PDF_CACHE_ENTRIES, 0 = none); least recently used go first. */
  pdfCacheEntries!: number;

  /** The base of links in e-mails: PUBLIC_URL, or outside production http://localhost:<port>. */
  get linkBaseUrl(): string {
    return this.publicUrl ?? `http://localhost:${this.port}`;
  }

  /**
   * Who must use a second factor (MFA_REQUIRED): nobody (off, the default outside production),
   * everyone whose role in some network shows client identities above the pseudonym (identities, the
   * production default), or everyone (all).
   */
  mfaRequired!: MfaPolicy;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function logLevel(raw: string | undefined, nodeEnv: AppConfig['nodeEnv']): LogLevel {
  if (raw === undefined || raw.trim() === '') return nodeEnv === 'test' ? 'silent' : nodeEnv === 'production' ? 'info' : 'debug';
  const level = LOG_LEVELS.find((l) => l === raw.trim().toLowerCase());
  if (level) return level;
  throw new ConfigError(`LOG_LEVEL moet een van ${LOG_LEVELS.join(', ')} zijn (nu: "${raw}").`);
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} moet een geheel getal tussen ${min} en ${max} zijn (nu: "${raw}").`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key} moet true of false zijn (nu: "${raw}").`);
}

function publicUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PUBLIC_URL moet een volledig adres zijn, zoals https://casustafel.example.nl (nu: "${raw}").`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(
      `PUBLIC_URL moet een http(s)-adres zijn zonder gebruikersnaam, zoekvraag of #, zoals https://casustafel.example.nl (nu: "${raw}").`,
    );
  }
  return url.href.replace(/\/$/, '');
}

function smtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError('SMTP_URL moet een volledig adres zijn, zoals smtp://gebruiker:wachtwoord@mail.example.nl:587.');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    // Not quoted: the value may hold the SMTP password.
    throw new ConfigError('SMTP_URL moet met smtp:// of smtps:// beginnen, zoals smtp://gebruiker:wachtwoord@mail.example.nl:587.');
  }
  return raw.trim();
}

function apiDocs(raw: string | undefined, production: boolean): AppConfig['apiDocs'] {
  if (raw === undefined || raw === '') return production ? 'authenticated' : 'public';
  if (raw === 'public' || raw === 'authenticated' || raw === 'off') return raw;
  throw new ConfigError(`API_DOCS moet public, authenticated of off zijn (nu: "${raw}").`);
}

function mfaRequired(raw: string | undefined, production: boolean): MfaPolicy {
  if (raw === undefined || raw === '') return production ? 'identities' : 'off';
  const policy = MFA_POLICIES.find((p) => p === raw);
  if (policy) return policy;
  throw new ConfigError(`MFA_REQUIRED moet off, identities of all zijn (nu: "${raw}").`);
}

function trustProxy(raw: string | undefined): string | number | boolean {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env['NODE_ENV'] ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV moet development, production of test zijn (nu: "${nodeEnv}").`);
  }
  const production = nodeEnv === 'production';
  const databaseUrl = env['DATABASE_URL'] || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL moet met postgres:// beginnen.');
  }
  const config = new AppConfig();
  Object.assign(config, {
    nodeEnv,
    port: int(env, 'PORT', 3000, 1, 65535),
    databasePath: env['DATABASE_PATH'] || resolve(process.cwd(), 'data/casustafel.sqlite'),
    databaseUrl,
    databaseLogging: !production && bool(env, 'DATABASE_LOGGING', false),
    adminEmail: env['ADMIN_EMAIL']?.trim().toLowerCase() || null,
    adminPassword: env['ADMIN_PASSWORD'] || null,
    adminName: env['ADMIN_NAME'] || 'Beheerder',
    seedDemoData: !production && bool(env, 'SEED_DEMO_DATA', nodeEnv === 'development'),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 7 * 24),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    clientDist: env['CLIENT_DIST'] || resolve(process.cwd(), 'dist/client/browser'),
    publicUrl: publicUrl(env['PUBLIC_URL']),
    apiDocs: apiDocs(env['API_DOCS'], production),
    smtpUrl: smtpUrl(env['SMTP_URL']),
    mailFrom: env['MAIL_FROM']?.trim() || 'Casustafel <noreply@localhost>',
    mailIntervalSeconds: int(env, 'MAIL_INTERVAL_SECONDS', 10, 0, 3600),
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
    agendaDaysAhead: int(env, 'AGENDA_DAYS_AHEAD', 3, 0, 14),
    digestHour: int(env, 'DIGEST_HOUR', 7, 0, 23),
    mfaRequired: mfaRequired(env['MFA_REQUIRED'], production),
    logLevel: logLevel(env['LOG_LEVEL'], nodeEnv),
    healthMailLagMinutes: int(env, 'HEALTH_MAIL_LAG_MINUTES', 15, 1, 24 * 60),
    shutdownTimeoutSeconds: int(env, 'SHUTDOWN_TIMEOUT_SECONDS', 10, 0, 300),
    pdfWorkers: int(env, 'PDF_WORKERS', Math.max(1, availableParallelism() - 1), 1, 64),
    pdfCacheEntries: int(env, 'PDF_CACHE_ENTRIES', 64, 0, 10_000),
  });
  config.mailOutboxDir = env['MAIL_OUTBOX_DIR']?.trim()
    ? resolve(env['MAIL_OUTBOX_DIR'].trim())
    : config.databaseUrl || config.databasePath === ':memory:'
      ? resolve(process.cwd(), 'data/outbox')
      : resolve(dirname(config.databasePath), 'outbox');
  config.accessLogAnchorPath = accessLogAnchorPath(env, config);
  Object.assign(config, dataKey(env, production, config.databasePath));
  if (production && !config.smtpUrl) {
    throw new ConfigError(
      'SMTP_URL ontbreekt. Zonder mailserver kunnen activatie- en herstelmails niet verstuurd worden (bijvoorbeeld smtp://gebruiker:wachtwoord@mail.example.nl:587).',
    );
  }
  if (production && !config.publicUrl) {
    throw new ConfigError(
      'PUBLIC_URL ontbreekt. Links in e-mails hebben het adres van Casustafel nodig, zoals https://casustafel.example.nl.',
    );
  }
  if ((config.adminEmail === null) !== (config.adminPassword === null)) {
    throw new ConfigError('Zet ADMIN_EMAIL en ADMIN_PASSWORD samen, of geen van beide.');
  }
  if (config.adminPassword !== null && config.adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD moet minstens 12 tekens hebben.');
  }
  return config;
}

function accessLogAnchorPath(env: NodeJS.ProcessEnv, config: AppConfig): string | null {
  const raw = env['ACCESS_LOG_ANCHOR_PATH']?.trim();
  if (raw) return resolve(raw);
  if (config.databaseUrl) return resolve(process.cwd(), 'data/access-log-anchor.json');
  if (config.databasePath === ':memory:') return null;
  return `${config.databasePath}-anchor.json`;
}

/**
 * CASUSTAFEL_DATA_KEY (base64, 32 bytes) encrypts client identities. Production refuses to start
 * without it. Elsewhere a key is generated once into data/casustafel.key (beside the database), or
 * kept in memory for an in-memory database.
 */
function dataKey(env: NodeJS.ProcessEnv, production: boolean, databasePath: string): Pick<AppConfig, 'dataKey' | 'dataKeySource'> {
  const raw = env['CASUSTAFEL_DATA_KEY'];
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) {
      throw new ConfigError('CASUSTAFEL_DATA_KEY moet 32 bytes zijn, base64-gecodeerd (maak er een met: openssl rand -base64 32).');
    }
    return { dataKey: key, dataKeySource: 'env' };
  }
  if (production) {
    throw new ConfigError(
      'CASUSTAFEL_DATA_KEY ontbreekt. Zonder sleutel kunnen cliëntgegevens niet versleuteld worden (maak er een met: openssl rand -base64 32).',
    );
  }
  if (databasePath === ':memory:') return { dataKey: randomBytes(32), dataKeySource: 'ephemeral' };
  const file = env['DATA_KEY_FILE'] || resolve(dirname(databasePath), 'casustafel.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new ConfigError(`De sleutel in ${file} is geen 32 bytes base64.`);
    return { dataKey: key, dataKeySource: 'file' };
  }
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { dataKey: key, dataKeySource: 'generated' };
}

/** Loads a .env file from the working directory when there is one (Node's own loader). */
export function loadEnvFile(path = resolve(process.cwd(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
