import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  COORDINATOR_BUURT,
  DEMO_PASSWORD,
  acceptStatementViaApi,
  choose,
  expectAccessible,
  login,
  logout,
  screenshot,
} from './fixtures/app';
import { linkIn, receiveMail } from './fixtures/mail';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
/** A shell partner of the network; its only user there is Jeroen Bakker (SHELL_PARTNER). */
const PARTNER_ORG = 'Politie, basisteam Eemland';
const PARTNER = 'politie@demo.casustafel.nl';
const ACTION = 'Wijkagent maakt kennis en vraagt naar de overlast in de portiek';
/** Who the seed's demo clients are (api/src/seed/demo-data.ts): none of it may stand in a mail. */
const CLIENT_IDENTITY = [
  'Wilhelmina',
  'Oosterbeek',
  'Lindelaan',
  '3812 KL',
  '1939',
  'Hendrikus',
  'Brouwersgracht',
  'Paulus Potterstraat',
  '3812 VR',
  '1952',
  'Dirk',
  'Achterhoeve',
  'Kapelweg',
  '3818 BD',
  '1968',
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The bell's unread count, from its accessible name ("Meldingen, 2 ongelezen", or "Meldingen" when none). */
async function unreadCount(page: Page): Promise<number> {
  const name = (await page.getByRole('button', { name: /^Meldingen/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) ongelezen/.exec(name)?.[1] ?? 0);
}

test('a partner gets the mail for a new action and follows its link', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const dueInDutch = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(`${inAWeek}T12:00:00Z`),
  );

  // The coordinator plans a meeting, starts it and gives an action on a case item to the police.
  await login(page, COORDINATOR_BUURT);
  await acceptStatementViaApi(page, NETWORK);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: NETWORK }).click();
  await page.getByRole('tab', { name: 'Overleggen' }).click();
  await page.getByTestId('meeting-startsAt').fill(`${inAWeek}T14:00`);
  await page.getByTestId('meeting-location').fill('Wijkpost Soesterkwartier');
  await page.getByTestId('meeting-plan').click();
  await page
    .getByTestId('meetings-list')
    .getByRole('link', { name: /Wijkpost Soesterkwartier/ })
    .click();
  await page.waitForURL(/\/overleggen\/[0-9a-f-]{36}$/);
  await page.getByTestId('agenda-assemble').click();
  await expect(page.getByRole('heading', { level: 3, name: /Casus \d{4}-\d{3}/ }).first()).toBeVisible();
  await page.getByTestId('meeting-start').click();
  await expect(page.getByTestId('live-mode')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: /Casus \d{4}-\d{3}/ })
    .first()
    .click();
  const caseNumber = /Casus (\d{4}-\d{3})/.exec(await page.getByTestId('current-item').innerText())?.[1] ?? '';
  expect(caseNumber).toMatch(/^\d{4}-\d{3}$/);
  await page.getByTestId('action-description').fill(ACTION);
  await choose(page, 'action-owner', PARTNER_ORG);
  await page.getByTestId('action-due').fill(inAWeek);
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('live-mode')).toContainText(ACTION);
  await logout(page);

  // The police officer's mail: the case by number and pseudonym only, Dutch, a link to "Mijn acties".
  const mail = await receiveMail(PARTNER, new RegExp(`^Nieuwe actie voor je organisatie \\(Casus ${caseNumber} · .+\\)$`));
  const caseLabel = /\((Casus .+)\)$/.exec(mail.subject)?.[1] ?? '';
  expect(mail.text).toContain('Beste Jeroen Bakker,');
  expect(mail.text).toContain(
    `In het netwerk ${NETWORK} is een actie aan je organisatie toegewezen bij ${caseLabel}, uiterlijk ${dueInDutch}.`,
  );
  expect(mail.text).toContain('Wat er moet gebeuren lees je in Casustafel, onder Mijn acties.');
  // What the action is, is free text: it stays in the app.
  expect(mail.text).not.toContain(ACTION);
  expect(mail.html).not.toContain(ACTION);
  for (const identity of CLIENT_IDENTITY) {
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`, `"${identity}" in the mail`).not.toContain(identity);
  }
  const link = linkIn(mail, '/acties');
  const settings = linkIn(mail, '/account/meldingen');
  expect(mail.headers['list-unsubscribe']).toBe(`<${settings}>`);

  // The link, in a browser that has never signed in: first the login, then straight to "Mijn acties".
  const context = await browser.newContext();
  const partner = await context.newPage();
  await partner.goto(link);
  await expect(partner).toHaveURL(/\/inloggen\?terug=(%2F|\/)acties$/);
  await partner.getByLabel('E-mailadres').fill(PARTNER);
  await partner.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await partner.getByRole('button', { name: 'Inloggen' }).click();
  await expect(partner).toHaveURL(/\/acties$/);
  await expect(partner.getByRole('heading', { level: 1, name: 'Mijn acties' })).toBeVisible();
  const card = partner.getByTestId(`action-${ACTION}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(NETWORK);
  await expect(card).toContainText(caseLabel);

  // The bell counts it as unread; choosing it marks it read and leads to "Mijn acties".
  await partner.goto('/');
  await expect(partner.getByRole('heading', { level: 1, name: /Welkom/ })).toBeVisible();
  const bell = partner.getByRole('button', { name: /^Meldingen/ });
  await expect(bell).toHaveAccessibleName(/^Meldingen, \d+ ongelezen$/);
  // Drawn in the toolbar's colour, like the account button beside it: not grey on blue (WCAG 1.4.11).
  const colour = (button: Locator) => button.evaluate((e) => getComputedStyle(e).color);
  expect(await colour(bell)).toBe(await colour(partner.getByRole('button', { name: 'Accountmenu' })));
  const before = await unreadCount(partner);
  expect(before).toBeGreaterThanOrEqual(1);
  await bell.click();
  const item = partner.getByRole('menuitem', { name: new RegExp(`^Nieuw ${escapeRegExp(mail.subject)} `) });
  await expect(item).toBeVisible();
  await expect(item).toContainText(NETWORK);
  await expect(partner.getByTestId('notification-count')).toHaveText(`${before} ongelezen`);
  await screenshot(partner, '28-meldingen');
  await item.click();
  await expect(partner).toHaveURL(/\/acties$/);
  await expect(partner.getByTestId(`action-${ACTION}`)).toBeVisible();
  await expect(bell).toHaveAccessibleName(before === 1 ? 'Meldingen' : `Meldingen, ${before - 1} ongelezen`);
  // Read on the server too: after a reload it is still read, and no longer "Nieuw".
  await partner.reload();
  await expect(bell).toHaveAccessibleName(before === 1 ? 'Meldingen' : `Meldingen, ${before - 1} ongelezen`);
  await bell.click();
  await expect(partner.getByRole('menuitem', { name: new RegExp(`^${escapeRegExp(mail.subject)} `) })).toBeVisible();
  await partner.keyboard.press('Escape');

  // The settings the mail's footer and List-Unsubscribe lead to: this kind comes by mail at once, by default.
  await partner.goto(settings);
  await expect(partner.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  await expect(partner.getByTestId('ACTION_ASSIGNED-IMMEDIATE').getByRole('radio')).toBeChecked();
  await expectAccessible(partner);
  await screenshot(partner, '29-meldingen-instellingen');
  await context.close();
});
