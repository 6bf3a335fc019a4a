import { expect, test } from '@playwright/test';
import { COORDINATOR_BUURT, acceptStatementViaApi, choose, expectAccessible, login, logout, screenshot } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const SHELL_ORG = 'Huisartsenpraktijk Soesterkwartier';
const ACTION = 'Huisbezoek afleggen met de praktijkondersteuner';

test.describe.configure({ mode: 'serial' });

test('the coordinator plans, assembles, starts, marks attendance, decides, assigns an action and closes', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await acceptStatementViaApi(page, NETWORK);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: NETWORK }).click();
  await page.getByRole('tab', { name: 'Overleggen' }).click();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('meeting-startsAt').fill(`${tomorrow}T09:30`);
  await page.getByTestId('meeting-location').fill('Buurthuis De Kei');
  await page.getByTestId('meeting-plan').click();
  await page.getByTestId('meetings-list').getByRole('link', { name: /Buurthuis De Kei/ }).first().click();

  await page.getByTestId('agenda-assemble').click();
  await expect(page.getByRole('heading', { level: 3, name: /Nieuwe casus: Casus/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Rondvraag/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '17-agenda');

  await choose(page, `attendance-${SHELL_ORG}`, 'Aanwezig');
  await page.getByTestId(`people-${SHELL_ORG}`).click();
  await page.getByRole('option', { name: 'Pieter Smit' }).click();
  await page.keyboard.press('Escape');
  await choose(page, 'attendance-Stichting Welzijn Soesterkwartier', 'Aanwezig');
  await page.getByTestId('attendance-save').click();
  await expect(page.getByTestId('meeting-error')).toHaveCount(0);

  await page.getByTestId('meeting-start').click();
  await expect(page.getByTestId('live-mode')).toBeVisible();
  await expect(page.getByTestId('current-item')).toContainText('Nieuwe casus');
  await page.getByTestId('item-decisions').fill('Huisarts gaat op huisbezoek; wijkteam volgt de administratie.');
  await page.getByTestId('item-save').click();
  await page.getByTestId('action-description').fill(ACTION);
  await choose(page, 'action-owner', SHELL_ORG);
  await page.getByTestId('action-due').fill(tomorrow);
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('live-mode')).toContainText(ACTION);
  await expectAccessible(page);
  await screenshot(page, '18-overleg-live');

  await page.getByTestId('meeting-close').click();
  await expect(page.getByTestId('meeting-status')).toHaveText('Gesloten');
  await logout(page);
});

test('the shell partner finds the action under "Mijn acties" and marks it done', async ({ page }) => {
  await login(page, 'huisarts@demo.casustafel.nl');
  await page.getByRole('link', { name: 'Mijn acties' }).click();
  const card = page.getByTestId(`action-${ACTION}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(NETWORK);
  await expect(card).toContainText(/Casus \d{4}-\d{3} · /);
  await expectAccessible(page);
  await screenshot(page, '19-mijn-acties');
  await card.getByTestId('action-done').click();
  await expect(card).toContainText('Gedaan');
});
