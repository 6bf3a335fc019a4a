import { defineConfig, devices } from '@playwright/test';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const port = Number(process.env['E2E_PORT'] ?? 3100);
const smtpPort = Number(process.env['E2E_SMTP_PORT'] ?? 3125);

/**
 * Runs against the real built app (api serving the built client) on a fresh SQLite database with
 * the demo data, in Debian's Chromium: no browser is downloaded. The app's mail goes to a real SMTP
 * server the run starts itself (src/mail-server.ts), where the tests read it.
 */
export default defineConfig({
  testDir: './src',
  globalSetup: './src/mail-server.ts',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: resolve(root, 'tmp/test-results/e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // A Dutch browser in another time zone: every time shown and sent must still be Amsterdam's (issue #12).
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, locale: 'nl-NL', timezoneId: 'America/New_York' },
    },
  ],
  webServer: {
    command: 'rm -rf tmp/e2e && node dist/api/api/src/main.js',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_PATH: resolve(root, 'tmp/e2e/casustafel.sqlite'),
      SEED_DEMO_DATA: 'true',
      CLIENT_DIST: resolve(root, 'dist/client/browser'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Casustafel <noreply@e2e.casustafel.test>',
      MAIL_INTERVAL_SECONDS: '1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MFA_REQUIRED: 'off',
    },
  },
});
