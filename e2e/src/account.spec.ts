import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { ADMIN_EMAIL, choose, COORDINATOR_BUURT, DEMO_PASSWORD, expectAccessible, login, logout, screenshot } from './fixtures/app';
import { linkIn, receiveMail } from './fixtures/mail';

const NAME = 'Noor Hendriks';
const EMAIL = 'noor.hendriks@ggd.example.nl';
const ORGANISATION = 'GGD, team bemoeizorg';
const PASSWORD = 'fietsbel lantaarn wolkenkrabber 7';

test.describe.configure({ mode: 'serial' });

/** A TOTP code from a time step not used before: the server accepts each step once. */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  let step = Math.floor(Date.now() / 30_000);
  if (step <= after) {
    await new Promise((wait) => setTimeout(wait, (after + 1) * 30_000 - Date.now() + 500));
    step = Math.floor(Date.now() / 30_000);
  }
  return { code: await generate({ secret }), step };
}

async function openAccountMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Accountmenu' }).click();
}

test('the login page signs in without the app, which it loads only after signing in', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/inloggen?terug=%2Facties');
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul je e-mailadres in, bijvoorbeeld naam@organisatie.nl.')).toBeVisible();
  await expect(page.getByText('Vul je wachtwoord in.')).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
  await page.getByLabel('E-mailadres').fill(COORDINATOR_BUURT);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
  await expectAccessible(page);
  // All of it without Angular: its entry script was not loaded and nothing was drawn in <app-root>.
  expect(scripts.filter((path) => /\/main-\w+\.js$/.test(path))).toEqual([]);
  await expect(page.locator('app-root > *')).toHaveCount(0);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/acties$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn acties' })).toBeVisible();
  await logout(page);
});

test('a forgotten password gets the same answer whether or not the address is known', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { name: 'Wachtwoord vergeten' })).toBeFocused();
  await page.getByTestId('forgot-email').fill('niemand@example.nl');
  await page.getByTestId('forgot-submit').click();
  await expect(page.getByTestId('forgot-sent')).toHaveText('Als dit adres bij ons bekend is, krijg je een e-mail met een link.');
  await expectAccessible(page);
});

test('a new user activates through the link from the e-mail, enrols MFA, signs in with a code', async ({ page }) => {
  test.setTimeout(150_000);

  // The administrator creates the account: no password, an e-mail goes out instead.
  await login(page, ADMIN_EMAIL);
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page.getByTestId('user-password')).toHaveCount(0);
  await page.getByTestId('user-name').fill(NAME);
  await page.getByTestId('user-email').fill(EMAIL);
  await choose(page, 'user-organisation', ORGANISATION);
  await page.getByTestId('user-submit').click();
  await expect(page.getByText('De gebruiker krijgt een e-mail om een wachtwoord te kiezen.')).toBeVisible();
  await expect(page.getByTestId(`account-${EMAIL}`)).toContainText('Nog niet geactiveerd');
  await expect(
    page.getByTestId(`account-${EMAIL}`).getByRole('button', { name: `Activatiemail opnieuw sturen naar ${NAME}` }),
  ).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // The activation e-mail, through the test run's SMTP server.
  const mail = await receiveMail(EMAIL, /Activeer je account/);
  const link = linkIn(mail, '/account/activeren');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Kies je wachtwoord' })).toBeVisible();
  await page.getByTestId('new-password').fill('casustafel123');
  await expect(page.getByTestId('password-strength')).toContainText('Zwak');
  // The server judges the same way and says why, in Dutch, beside the form.
  await page.getByTestId('choose-password-submit').click();
  await expect(page.getByTestId('error-summary')).toContainText('wachtwoord');
  await page.getByTestId('new-password').fill(PASSWORD);
  await expect(page.getByTestId('password-strength')).toContainText('Sterk');
  await expectAccessible(page);
  await screenshot(page, '22-account-activeren');
  await page.getByTestId('choose-password-submit').click();
  await expect(page.getByTestId('login-notice')).toHaveText('Je account is actief. Log in met je nieuwe wachtwoord.');

  // Signing in with the chosen password; then the second step, from the own account page.
  await login(page, EMAIL, PASSWORD);
  await openAccountMenu(page);
  await page.getByTestId('my-account').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
  await expect(page.getByTestId('mfa-status')).toHaveText(/staat uit/);
  await expect(page.getByTestId('sessions-table')).toContainText('Dit apparaat');
  await expectAccessible(page);
  await page.getByTestId('mfa-enable').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tweede stap instellen' })).toBeVisible();
  await expect(page.getByTestId('mfa-qr')).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').getAttribute('data-secret')) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page);
  await screenshot(page, '23-tweede-stap-instellen');
  const first = await freshCode(secret, 0);
  await page.getByTestId('mfa-setup-code').fill(first.code);
  await page.getByTestId('mfa-setup-submit').click();
  await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await expectAccessible(page);
  await screenshot(page, '24-herstelcodes');
  await expect(page.getByTestId('mfa-finish')).toBeDisabled();
  await page.getByTestId('codes-saved').getByRole('checkbox').check();
  await page.getByTestId('mfa-finish').click();
  await expect(page.getByTestId('mfa-status')).toHaveText(/staat aan/);
  await screenshot(page, '25-mijn-account');
  await logout(page);

  // Signing in again, from the login page as a new visit serves it (without the app): password, then the app takes over
  // for a code from the authenticator app.
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(EMAIL);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Tweede stap' })).toBeVisible();
  await expect(page.getByTestId('mfa-code')).toBeFocused();
  await expect(page.getByTestId('mfa-code')).toHaveAttribute('autocomplete', 'one-time-code');
  await expectAccessible(page);
  await screenshot(page, '26-inloggen-tweede-stap');
  await page.getByTestId('mfa-code').fill('000000');
  await page.getByTestId('mfa-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  const second = await freshCode(secret, first.step);
  await page.getByTestId('mfa-code').fill(second.code);
  await page.getByTestId('mfa-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: /Welkom/ })).toBeVisible();
  await logout(page);

  // A lost phone: the administrator resets the second step, after a confirmation.
  await login(page, ADMIN_EMAIL);
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  const account = page.getByTestId(`account-${EMAIL}`);
  await expect(account).toContainText('Geactiveerd · Tweede stap aan');
  await account.getByRole('button', { name: `Tweede stap resetten voor ${NAME}` }).click();
  await expect(page.getByRole('dialog', { name: 'Tweede stap resetten?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('confirm').click();
  await expect(page.getByText(`De tweede stap van ${NAME} is gereset.`)).toBeVisible();
  await expect(account).not.toContainText('Tweede stap aan');
});
