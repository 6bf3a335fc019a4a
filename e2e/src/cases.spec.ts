import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR_BUURT, choose, expectAccessible, login, logout, screenshot } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const CLIENT = { givenName: 'Trijntje', surname: 'van Zwanenburcht', street: 'Hoogland', postcode: '3813 PX' };

test.describe.configure({ mode: 'serial' });
let caseUrl = '';
let caseNumber = '';

async function openNetwork(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: NETWORK }).click();
  // The confidentiality statement may open over the page at once (a modal hides the rest from the accessibility tree).
  await expect(page.getByRole('heading', { level: 1, name: NETWORK, includeHidden: true })).toBeVisible();
}

async function acceptStatement(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Geheimhoudingsverklaring' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confidentiality-accept').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('confidentiality-banner')).toBeHidden();
}

test('a core partner brings in a case and sees the client in full', async ({ page }) => {
  await login(page, 'corporatie@demo.casustafel.nl');
  await openNetwork(page);
  await acceptStatement(page);
  await page.getByRole('tab', { name: 'Casussen' }).click();
  await page.getByTestId('new-case').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Casus inbrengen' })).toBeVisible();
  await page.getByTestId('client-givenName').fill(CLIENT.givenName);
  await page.getByTestId('client-surname').fill(CLIENT.surname);
  await page.getByTestId('client-dateOfBirth').fill('1944-04-21');
  await page.getByTestId('client-street').fill(CLIENT.street);
  await page.getByTestId('client-houseNumber').fill('5');
  await page.getByTestId('client-postcode').fill(CLIENT.postcode);
  await page.getByTestId('client-city').fill('Amersfoort');
  await page.getByTestId('case-neighbourhood').fill('Soesterkwartier');
  await choose(page, 'case-urgency', 'Hoog');
  await page.getByTestId('area-HOUSING').click();
  await page.getByTestId('area-SOCIAL_NETWORK').click();
  // The guard: naming the client in the summary is refused with a Dutch explanation.
  await page.getByTestId('case-summary').fill('Mevrouw Zwanenburcht vereenzaamt en laat de post liggen.');
  // Consent has no default: nothing is chosen, and the form says so before anything is sent.
  const consent = page.getByRole('radiogroup', { name: 'Toestemming van de cliënt' });
  for (const option of ['Gegeven', 'Nog niet gevraagd', 'Geweigerd'])
    await expect(consent.getByRole('radio', { name: option })).not.toBeChecked();
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('consent-required')).toContainText('Kies of de cliënt toestemming gaf');
  // The error summary at the top lists the missing choice, as a link to the field; nothing was sent.
  await expect(page.getByTestId('error-summary').getByRole('link', { name: /Toestemming van de cliënt/ })).toBeVisible();
  await expect(page.getByTestId('error-summary-message')).toBeHidden();
  await consent.getByRole('radio', { name: 'Gegeven' }).check();
  await expect(page.getByTestId('consent-required')).toBeHidden();
  await expectAccessible(page);
  await screenshot(page, '07-casus-inbrengen');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('error-summary-message')).toContainText('noemt gegevens van een cliënt van dit netwerk (de achternaam)');
  // Nothing typed is wiped by the refusal.
  await expect(page.getByTestId('client-surname')).toHaveValue(CLIENT.surname);
  await page.getByTestId('case-summary').fill('Oudere vrouw vereenzaamt sinds het overlijden van haar man en laat de post liggen.');
  await page.getByTestId('intake-submit').click();

  await expect(page.getByTestId('client-name')).toHaveText(`${CLIENT.givenName} ${CLIENT.surname}`);
  await expect(page.getByTestId('case-status')).toHaveText('Ingediend');
  caseUrl = page.url();
  caseNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Casus ', '').trim();
  await logout(page);
});

test('the coordinator accepts the case', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await openNetwork(page);
  await acceptStatement(page);
  await page.getByRole('tab', { name: 'Casussen' }).click();
  await expect(page.getByTestId('cases-table')).toContainText(`${CLIENT.givenName} ${CLIENT.surname}`);
  await expectAccessible(page);
  await screenshot(page, '08-casussen-coordinator');
  await page.getByTestId('cases-table').getByRole('link', { name: caseNumber }).click();
  await choose(page, 'status-select', 'Geaccepteerd');
  await page.getByTestId('status-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('Geaccepteerd');
  await page.getByText('Waarom zie ik dit?').click();
  await expect(page.getByTestId('case-explanation')).toContainText('privacyconvenant');
  await expectAccessible(page);
  await screenshot(page, '09-casus-coordinator');
  await logout(page);
});

test('a shell partner sees only the pseudonym', async ({ page }) => {
  await login(page, 'huisarts@demo.casustafel.nl');
  await openNetwork(page);
  await acceptStatement(page);
  await page.getByRole('tab', { name: 'Casussen' }).click();
  const table = page.getByTestId('cases-table');
  await expect(table).toContainText(`Casus ${caseNumber} ·`);
  await expect(page.locator('body')).not.toContainText(CLIENT.surname);
  await page.goto(caseUrl);
  await expect(page.getByTestId('client-name')).toHaveText(new RegExp(`^Casus ${caseNumber} · `));
  await expect(page.getByTestId('case-status')).toHaveText('Geaccepteerd');
  await expect(page.locator('body')).not.toContainText(CLIENT.surname);
  await expect(page.locator('body')).not.toContainText(CLIENT.street);
  await expectAccessible(page);
  await screenshot(page, '10-casus-schilpartner');
  await logout(page);
});

test('a volunteer rep who has not accepted the statement is asked to accept it', async ({ page }) => {
  await login(page, 'humanitas@demo.casustafel.nl');
  await openNetwork(page);
  const dialog = page.getByRole('dialog', { name: 'Geheimhoudingsverklaring' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('confidentiality-statement')).toContainText('vertrouwelijk');
  await expectAccessible(page);
  await screenshot(page, '11-geheimhoudingsverklaring');
  await dialog.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByTestId('confidentiality-banner')).toBeVisible();
  await page.getByRole('tab', { name: 'Casussen' }).click();
  await expect(page.getByTestId('cases-table')).toContainText(`Casus ${caseNumber} ·`);
  await expect(page.locator('body')).not.toContainText(CLIENT.surname);
});

test('the coordinator previews a covenant change and reads the access log', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  await openNetwork(page);
  await page.getByRole('tab', { name: 'Convenant' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Privacyconvenant, versie 1/ })).toBeVisible();
  await choose(page, 'level-SHELL_PARTNER-DOSSIER', 'initialen');
  await expect(page.getByTestId('covenant-preview')).toContainText(
    "Schilpartner, Casuspagina's en lijsten: alleen pseudoniem → initialen (ziet meer)",
  );
  await expectAccessible(page);
  await screenshot(page, '12-convenant');
  await page.getByTestId('covenant-save').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByRole('heading', { level: 2, name: /Privacyconvenant, versie 2/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Toegangslogboek' }).click();
  await expect(page.getByTestId('log-table')).toContainText('Ingebracht');
  await page.getByTestId('log-verify').click();
  await expect(page.getByText(/De keten is intact/)).toBeVisible();
  await choose(page, 'log-filter-action', 'Convenant gewijzigd');
  await expect(page.getByTestId('log-table').getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('log-table')).toContainText('Beheer van het netwerk');
  await choose(page, 'log-filter-outcome', /^Geweigerd$/);
  await expect(page.getByText('Geen regels bij deze filters')).toBeVisible();
  await page.getByTestId('log-filter-clear').click();
  await expect(page.getByTestId('log-table')).toContainText('Ingebracht');
  await expect(page.locator('body')).not.toContainText(CLIENT.surname);
  await expectAccessible(page);
  await screenshot(page, '13-toegangslogboek');
});
