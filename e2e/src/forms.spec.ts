import { expect, test, type Page } from '@playwright/test';
import { acceptStatementViaApi, login } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const PARTNER = 'corporatie@demo.casustafel.nl';

async function openIntake(page: Page): Promise<void> {
  await login(page, PARTNER);
  await acceptStatementViaApi(page, NETWORK);
  const me = await (await page.request.get('/api/auth/me')).json();
  const id = me.networks.find((n: { name: string }) => n.name === NETWORK).id;
  await page.goto(`/netwerken/${id}/casussen/nieuw`);
  await expect(page.getByRole('heading', { level: 2, name: 'Casus inbrengen' })).toBeVisible();
}

async function fillIntake(page: Page, surname: string, summary: string): Promise<void> {
  await page.getByTestId('client-givenName').fill('Geertruida');
  await page.getByTestId('client-surname').fill(surname);
  await page.getByTestId('client-dateOfBirth').fill('1941-11-30');
  await page.getByTestId('client-street').fill('Kamp');
  await page.getByTestId('client-houseNumber').fill('7');
  await page.getByTestId('client-postcode').fill('3811 AR');
  await page.getByTestId('client-city').fill('Amersfoort');
  await page.getByTestId('case-neighbourhood').fill('Soesterkwartier');
  await page.getByTestId('area-SOCIAL_NETWORK').click();
  await page.getByTestId('case-summary').fill(summary);
  await page.getByRole('radiogroup', { name: 'Toestemming van de cliënt' }).getByRole('radio', { name: 'Gegeven' }).check();
}

test('an empty submit of the case intake shows the error summary and an error in words beside each field', async ({ page }) => {
  await openIntake(page);
  await page.getByTestId('intake-submit').click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'Er ging iets mis' })).toBeVisible();
  await expect(summary).toContainText('Controleer de volgende velden');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Voornaam: Vul dit veld in.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Toestemming van de cliënt:/ })).toBeVisible();
  // Beside the field, in words (not only a red outline).
  await expect(page.locator('mat-form-field', { has: page.getByTestId('client-givenName') }).locator('mat-error')).toHaveText(
    'Vul dit veld in.',
  );
  await expect(page.getByTestId('consent-required')).toContainText('Kies of de cliënt toestemming gaf');

  // A link moves focus to its field.
  await summary.getByRole('link', { name: 'Voornaam: Vul dit veld in.' }).click();
  await expect(page.getByTestId('client-givenName')).toBeFocused();
});

test('a server error keeps everything typed and says what to fix beside the form', async ({ page }) => {
  await openIntake(page);
  // The summary names the client: the server refuses it (422) and stores nothing.
  await fillIntake(page, 'Bovenkerkhof', 'Mevrouw Bovenkerkhof vereenzaamt sinds de verhuizing van haar dochter.');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('error-summary-message')).toContainText('noemt gegevens van een cliënt');
  // No page-level error and no reload: the form is still there, with what was typed.
  await expect(page.getByRole('button', { name: 'Opnieuw laden' })).toHaveCount(0);
  await expect(page.getByTestId('client-givenName')).toHaveValue('Geertruida');
  await expect(page.getByTestId('client-surname')).toHaveValue('Bovenkerkhof');
  await expect(page.getByTestId('client-postcode')).toHaveValue('3811 AR');
  await expect(page.getByTestId('case-summary')).toHaveValue('Mevrouw Bovenkerkhof vereenzaamt sinds de verhuizing van haar dochter.');
  await expect(page.getByRole('radio', { name: 'Gegeven' })).toBeChecked();
  await expect(page.getByTestId('intake-submit')).toBeEnabled();

  // Rewritten without the name, the same form goes through.
  await page.getByTestId('case-summary').fill('Oudere vrouw vereenzaamt sinds de verhuizing van haar dochter.');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('Ingediend');
});
