import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, COORDINATOR_BUURT, acceptStatementViaApi, choose, expectAccessible, login, logout, screenshot } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const ORGANISATION = 'Stichting Buurtmaatjes';
const VOLUNTEER = 'Lotte Vermeer';

test.describe.configure({ mode: 'serial' });

test('the login page is accessible and explains a wrong password in Dutch', async ({ page }) => {
  await page.goto('/inloggen');
  await expectAccessible(page);
  await screenshot(page, '01-inloggen');
  await page.getByLabel('E-mailadres').fill(ADMIN_EMAIL);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
});

test('the administrator sets up an organisation, a user, a shell membership and a role', async ({ page }) => {
  await login(page, ADMIN_EMAIL);
  await expectAccessible(page);

  // A new volunteer organisation.
  await page.getByRole('link', { name: 'Organisaties' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
  await page.getByTestId('org-name').fill(ORGANISATION);
  await choose(page, 'org-kind', 'Informeel (vrijwilligers)');
  await page.getByLabel('Sector').fill('Vrijwilligerswerk');
  await page.getByTestId('org-submit').click();
  await expect(page.getByTestId('organisations-table').getByRole('cell', { name: ORGANISATION, exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '02-beheer-organisaties');

  // An account for its representative.
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  await page.getByTestId('user-name').fill(VOLUNTEER);
  await page.getByTestId('user-email').fill('lotte@buurtmaatjes.nl');
  await choose(page, 'user-organisation', ORGANISATION);
  await page.getByTestId('user-submit').click();
  await expect(page.getByTestId('users-table').getByRole('cell', { name: VOLUNTEER, exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '03-beheer-gebruikers');

  // The organisation joins the neighbourhood network's shell.
  await page.getByRole('link', { name: 'Netwerken' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Netwerken' })).toBeVisible();
  await page.getByTestId('networks-table').getByRole('link', { name: NETWORK }).click();
  await expect(page.getByRole('heading', { level: 1, name: NETWORK })).toBeVisible();
  await choose(page, 'member-organisation', ORGANISATION);
  await choose(page, 'member-ring', 'Schil');
  await page.getByTestId('member-submit').click();
  await expect(page.getByTestId('members-SHELL').getByRole('cell', { name: ORGANISATION, exact: true })).toBeVisible();

  // A rule: a volunteer organisation's person cannot be a core partner; the reason is shown in Dutch.
  await choose(page, 'role-user', new RegExp(VOLUNTEER));
  await choose(page, 'role-role', 'Kernpartner');
  await page.getByTestId('role-submit').click();
  await expect(page.getByTestId('error-summary')).toContainText('Een kernpartner hoort bij een organisatie in de kern');

  await choose(page, 'role-role', 'Vertegenwoordiger vrijwilligersorganisatie');
  await page.getByTestId('role-submit').click();
  await expect(page.getByTestId('roles-table').getByRole('row', { name: new RegExp(VOLUNTEER) })).toContainText(
    'Vertegenwoordiger vrijwilligersorganisatie',
  );
  await expectAccessible(page);
  await screenshot(page, '04-netwerk-beheerder');
  await logout(page);
});

test('the coordinator sees the new shell member and its representative', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await acceptStatementViaApi(page, NETWORK);
  await page.getByRole('link', { name: NETWORK }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: NETWORK })).toBeVisible();
  await expect(page.getByText('Jouw rol: Coördinator')).toBeVisible();
  // What the administrator changed is listed, once: the next visit starts from here.
  const changes = page.getByTestId('admin-changes');
  await expect(changes.getByRole('heading', { level: 2, name: 'Wijzigingen door de beheerder sinds je vorige bezoek' })).toBeVisible();
  await expect(changes).toContainText(`voegde ${ORGANISATION} toe aan het netwerk.`);
  await expect(changes).toContainText(`gaf ${VOLUNTEER} (${ORGANISATION}) de rol Vertegenwoordiger vrijwilligersorganisatie.`);
  await expect(page.getByTestId('members-SHELL').getByRole('cell', { name: ORGANISATION, exact: true })).toBeVisible();
  await expect(page.getByTestId('roles-table').getByRole('row', { name: new RegExp(VOLUNTEER) })).toBeVisible();
  // A coordinator does not appoint coordinators.
  await page.getByTestId('role-role').click();
  await expect(page.getByRole('option', { name: 'Coördinator' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expectAccessible(page);
  await screenshot(page, '05-netwerk-coordinator');

  // The same page on a tablet in the meeting room.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(page.getByRole('button', { name: 'Menu openen of sluiten' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '06-netwerk-tablet');

  await page.reload();
  await expect(page.getByTestId('members-SHELL').getByRole('cell', { name: ORGANISATION, exact: true })).toBeVisible();
  await expect(page.getByTestId('admin-changes')).toHaveCount(0);
});

test('a member without a role elsewhere only reads, and English is one click away', async ({ page }) => {
  await login(page, 'humanitas@demo.casustafel.nl');
  await acceptStatementViaApi(page, NETWORK);
  await page.getByRole('link', { name: NETWORK }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: NETWORK })).toBeVisible();
  await expect(page.getByTestId('member-submit')).toHaveCount(0);
  await expect(page.getByTestId('role-submit')).toHaveCount(0);
  await page.getByRole('button', { name: 'Accountmenu' }).click();
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});

test('keyboard only: log in and reach a network', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
  await page.keyboard.type('politie@demo.casustafel.nl');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Casustafel-demo-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Welkom/ })).toBeVisible();
  // The skip link is the first stop, and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
});
