import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import {
  COORDINATOR_BUURT,
  acceptStatementViaApi,
  choose,
  expectAccessible,
  login,
  logout,
  screenshot,
  screenshotTablet,
} from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const SHELL_ORG = 'Huisartsenpraktijk Soesterkwartier';
const ACTION = 'Huisbezoek afleggen met de praktijkondersteuner';
const NOTES = 'Analyse: vereenzaming en een vervuilde woning; de buren maken zich zorgen.';
/** The demo's consultative question without an answer: the assembled agenda puts it on. */
const OPEN_QUESTION = 'Vrouw durft niet meer naar de kerk';
const ADVICE = 'Vraag de huisarts om bij een volgend consult naar het geheugen te kijken; de diaconie blijft bellen.';

test.describe.configure({ mode: 'serial' });
let meetingUrl = '';

test('the coordinator plans, assembles, starts, marks attendance, decides, assigns an action and closes', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await acceptStatementViaApi(page, NETWORK);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: NETWORK }).click();
  await page.getByRole('tab', { name: 'Overleggen' }).click();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('meeting-startsAt').fill(`${tomorrow}T09:30`);
  await page.getByTestId('meeting-location').fill('Buurthuis De Kei');
  // A double click plans one meeting: the button is disabled while the request runs, and the request
  // carries an Idempotency-Key, so a repeat would return the first meeting.
  await page.getByTestId('meeting-plan').dblclick();
  const planned = page.getByTestId('meetings-list').getByRole('link', { name: /Buurthuis De Kei/ });
  await expect(planned).toHaveCount(1);
  await expect(page.getByTestId('meeting-plan')).toBeEnabled();
  await page.reload();
  await expect(planned).toHaveCount(1);
  await planned.click();

  await page.waitForURL(/\/overleggen\/[0-9a-f-]{36}$/);
  meetingUrl = page.url();
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
  await choose(page, 'attendance-Woonstichting De Eem', 'Aanwezig');
  await page.getByTestId('people-Woonstichting De Eem').click();
  await page.getByRole('option', { name: 'Ayşe Demir' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('attendance-save').click();
  await expect(page.getByTestId('meeting-error')).toHaveCount(0);

  await page.getByTestId('meeting-start').click();
  await expect(page.getByTestId('live-mode')).toBeVisible();
  await expect(page.getByTestId('current-item')).toContainText('Nieuwe casus');
  const agenda = page.getByRole('navigation', { name: 'Agenda' });

  // Notes survive opening another item and a reload: they save themselves before the switch.
  await page.getByTestId('item-notes').fill(NOTES);
  await agenda.getByRole('button', { name: /Rondvraag/ }).click();
  await expect(page.getByTestId('current-item')).toContainText('Rondvraag');
  await agenda.getByRole('button').first().click();
  await expect(page.getByTestId('item-notes')).toHaveValue(NOTES);
  await page.reload();
  await expect(page.getByTestId('current-item')).toContainText('Nieuwe casus');
  await expect(page.getByTestId('item-notes')).toHaveValue(NOTES);

  await page.getByTestId('item-decisions').fill('Huisarts gaat op huisbezoek; wijkteam volgt de administratie.');
  await page.getByTestId('item-save').click();
  await expect(page.getByTestId('save-state')).toHaveText(/^\s*Opgeslagen \d{2}:\d{2}\s*$/);
  await page.getByRole('checkbox', { name: 'Houd op de agenda voor het volgende overleg' }).check();
  await expect(page.getByRole('checkbox', { name: 'Houd op de agenda voor het volgende overleg' })).toBeChecked();
  await page.getByTestId('action-description').fill(ACTION);
  await choose(page, 'action-owner', SHELL_ORG);
  await page.getByTestId('action-due').fill(tomorrow);
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('live-mode')).toContainText(ACTION);
  await expectAccessible(page);
  await screenshot(page, '18-overleg-live');
  await screenshotTablet(page, '18b-overleg-live-tablet');

  // The consultative question: its text in live mode, and the advice recorded in place.
  await agenda.getByRole('button', { name: new RegExp(`Consultatieve vraag: ${OPEN_QUESTION}`) }).click();
  await expect(page.getByTestId('live-question')).toContainText('Is dit iets voor de huisarts of voor het wijkteam?');
  await page.getByTestId('live-answer-advice').fill(ADVICE);
  await choose(page, 'live-answer-severity', 'Laag');
  await choose(page, 'live-answer-recommendation', 'Doorverwijzen naar een andere partij');
  await page.getByTestId('live-answer-submit').click();
  await expect(page.getByTestId('live-question-answer')).toContainText(ADVICE);
  await expect(page.getByTestId('live-question-answer')).toContainText('Doorverwijzen naar een andere partij');
  await expect(page.getByTestId('live-answer-form')).toHaveCount(0);
  await screenshot(page, '18c-overleg-vraag-beantwoord');

  // Closing is confirmed; the draft minutes appear without a reload.
  await page.getByTestId('meeting-close').click();
  await expect(page.getByRole('dialog')).toContainText('conceptverslag');
  await page.getByRole('dialog').getByTestId('confirm').click();
  await expect(page.getByTestId('meeting-status')).toHaveText('Gesloten');
  await expect(page.getByTestId('minutes')).toContainText('Verslag — concept');
  await logout(page);
});

test('the shell partner finds the action under "Mijn acties" and marks it done', async ({ page }) => {
  await login(page, 'huisarts@demo.casustafel.nl');
  await page.getByRole('link', { name: 'Mijn acties', exact: true }).click();
  const card = page.getByTestId(`action-${ACTION}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(NETWORK);
  await expect(card).toContainText(/Casus \d{4}-\d{3} · /);
  await expectAccessible(page);
  await screenshot(page, '19-mijn-acties');
  await card.getByTestId('action-done').click();
  await expect(card).toContainText('Gedaan');
});

test('the coordinator edits and sends the minutes', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await page.goto(meetingUrl);
  const minutes = page.getByTestId('minutes');
  await expect(minutes).toContainText('Verslag — concept');
  await page
    .getByTestId('minutes-text-1')
    .fill('Analyse: vereenzaming en een vervuilde woning. Afspraken: de huisarts gaat op huisbezoek.');
  await page.getByTestId('minutes-save').click();
  await expect(page.getByTestId('minutes-error')).toHaveCount(0);
  await page.getByTestId('minutes-send').click();
  await expect(page.getByRole('dialog')).toContainText('aanwezig waren krijgen het verslag');
  await page.getByRole('dialog').getByTestId('confirm').click();
  await expect(minutes).toContainText('verstuurd, ter review');
  await logout(page);
});

test('a core partner who was present comments on a section', async ({ page }) => {
  await login(page, 'corporatie@demo.casustafel.nl');
  await page.goto(meetingUrl);
  await page.getByTestId('minutes-comment-1').fill('Graag vermelden dat de corporatie de schoonmaak regelt.');
  await page.getByTestId('minutes-comment-submit-1').click();
  await expect(page.getByTestId('minutes')).toContainText('de corporatie de schoonmaak regelt');
  await logout(page);
});

test('the minutes are approved in the next meeting', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await page.goto(meetingUrl);
  await page.getByRole('link', { name: 'Terug naar de overleggen' }).click();
  const inFourWeeks = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('meeting-startsAt').fill(`${inFourWeeks}T09:30`);
  await page.getByTestId('meeting-location').fill('Wijkcentrum Het Klooster');
  await page.getByTestId('meeting-plan').click();
  await page
    .getByTestId('meetings-list')
    .getByRole('link', { name: /Wijkcentrum Het Klooster/ })
    .click();
  await page.getByTestId('agenda-assemble').click();
  await expect(page.getByRole('heading', { level: 3 }).first()).toContainText('Verslag van');
  await page.getByTestId('meeting-start').click();
  await page.goto(meetingUrl);
  await page.getByTestId('minutes-approve').click();
  await expect(page.getByRole('dialog')).toContainText('SHA-256');
  await page.getByRole('dialog').getByTestId('confirm').click();
  await expect(page.getByTestId('minutes')).toContainText('Verslag — vastgesteld');
  await expectAccessible(page);
  await screenshot(page, '21-verslag-vastgesteld');
  await logout(page);
});

test('a shell partner downloads a PDF that shows only pseudonyms', async ({ page }) => {
  await login(page, 'huisarts@demo.casustafel.nl');
  await page.goto(meetingUrl);
  await expect(page.getByTestId('minutes')).toContainText('Jouw PDF toont cliënten met: alleen pseudoniem.');
  const href = await page.getByTestId('minutes-pdf').getAttribute('href');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await res.body() }).toString('utf8');
  expect(text).toContain('VASTGESTELD');
  expect(text).toMatch(/Cliënt: Casus \d{4}-\d{3} · /);
  for (const surname of ['Oosterbeek', 'Wilhelmina', 'Zwanenburcht', 'Trijntje']) expect(text).not.toContain(surname);
});
