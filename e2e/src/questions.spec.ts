import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR_BUURT, acceptStatementViaApi, choose, expectAccessible, login, logout, screenshot } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const TITLE = 'Buurman komt al weken niet buiten';
test.describe.configure({ mode: 'serial' });
let questionUrl = '';

async function openQuestions(page: Page): Promise<void> {
  await acceptStatementViaApi(page, NETWORK);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: NETWORK }).click();
  await page.getByRole('tab', { name: 'Vragen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Consultatieve vragen' })).toBeVisible();
}

test('a volunteer rep sees a phone number marked while typing, rewrites it and submits', async ({ page }) => {
  await login(page, 'diaconie@demo.casustafel.nl');
  await openQuestions(page);
  await page.getByTestId('new-question').click();
  await page.getByTestId('question-title').fill(TITLE);
  await page
    .getByTestId('question-situation')
    .fill('Een man van rond de 70 komt al weken niet buiten. Zijn zoon is bereikbaar op 06-12345678 maar neemt niet op.');
  const findings = page.getByTestId('findings-situation');
  await expect(findings).toContainText('telefoonnummer');
  await expect(findings.locator('mark[data-kind="PHONE"]')).toHaveText(/06-12345678/);
  await page.getByTestId('question-question').fill('Moeten we ons zorgen maken, en bij wie kunnen we terecht?');
  await expectAccessible(page);
  await screenshot(page, '14-vraag-markering');

  await page
    .getByTestId('question-situation')
    .fill('Een man van rond de 70 komt al weken niet buiten. Zijn zoon neemt de telefoon niet op.');
  await expect(findings).toBeHidden();
  await page.getByTestId('question-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('question-status')).toHaveText('Ingediend');
  questionUrl = page.url();
  await logout(page);
});

test('the coordinator answers from the inbox', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await openQuestions(page);
  await page
    .getByTestId('all-questions')
    .getByRole('link', { name: new RegExp(TITLE) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByTestId('answer-advice').fill('Vraag de ouderenadviseur om samen langs te gaan; bij acute zorgen de huisarts bellen.');
  await choose(page, 'answer-severity', 'Gemiddeld');
  await choose(page, 'answer-recommendation', 'Met toestemming inbrengen als casus');
  await page.getByTestId('answer-submit').click();
  await expect(page.getByTestId('question-status')).toHaveText('Beantwoord');
  await expectAccessible(page);
  await screenshot(page, '15-vraag-coordinator');
  await logout(page);
});

test('the volunteer rep sees the answer under "Mijn vragen"', async ({ page }) => {
  await login(page, 'diaconie@demo.casustafel.nl');
  await openQuestions(page);
  await page
    .getByTestId('my-questions')
    .getByRole('link', { name: new RegExp(TITLE) })
    .click();
  await expect(page.getByTestId('question-answer')).toContainText('ouderenadviseur');
  await expect(page.getByTestId('question-answer')).toContainText('Met toestemming inbrengen als casus');
  expect(page.url()).toBe(questionUrl);
  await expectAccessible(page);
  await screenshot(page, '16-vraag-antwoord');
});
