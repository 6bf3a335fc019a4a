import { ConfigError, readConfig } from './app-config';

describe(readConfig.name, () => {
  it('has safe development defaults', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, sessionIdleMinutes: 30, sessionAbsoluteHours: 12, seedDemoData: true, databaseUrl: null });
    expect(config.databasePath).toMatch(/data\/casustafel\.sqlite$/);
  });

  it('never seeds demo data or logs SQL in production', () => {
    const config = readConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true', DATABASE_LOGGING: 'true' });
    expect(config.seedDemoData).toBe(false);
    expect(config.databaseLogging).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT moet een geheel getal/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV moet development, production of test zijn/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL moet met postgres:\/\/ beginnen/],
    [{ ADMIN_EMAIL: 'a@b.nl' }, /Zet ADMIN_EMAIL en ADMIN_PASSWORD samen/],
    [{ ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'kort' }, /minstens 12 tekens/],
    [{ SEED_DEMO_DATA: 'misschien' }, /SEED_DEMO_DATA moet true of false zijn/],
  ])('refuses %j with a Dutch explanation', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
