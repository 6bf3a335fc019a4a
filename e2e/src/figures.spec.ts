import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR_BUURT, acceptStatementViaApi, expectAccessible, login, logout, screenshot, screenshotTablet } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const PARTNER = 'corporatie@demo.casustafel.nl';
const MUNICIPALITY = 'gemeente@demo.casustafel.nl';

async function networkId(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  return me.networks.find((n: { name: string }) => n.name === NETWORK).id;
}

/** Fictitious clients, enough for some counts of 5 or more next to hidden ones (the demo data alone gives only hidden counts). */
const SURNAMES = ['Cijferveld', 'Staafhuis', 'Tabelaar', 'Grafiekema', 'Telling', 'Maandveld', 'Periodema', 'Reeksma'];
const URGENCIES = ['MEDIUM', 'HIGH', 'MEDIUM', 'HIGH', 'MEDIUM', 'HIGH', 'MEDIUM', 'HIGH'];

async function bringInCases(page: Page, id: string): Promise<void> {
  for (const [i, surname] of SURNAMES.entries()) {
    const res = await page.request.post(`/api/networks/${id}/cases`, {
      data: {
        client: {
          givenName: 'Gerda',
          surname,
          dateOfBirth: `194${i}-04-1${i}`,
          street: 'Kamp',
          houseNumber: String(20 + i),
          postcode: '3811 AR',
          city: 'Amersfoort',
        },
        neighbourhood: 'Soesterkwartier',
        problemAreas: i % 2 === 0 ? ['HOUSING', 'FINANCES'] : ['HOUSING', 'SOCIAL_NETWORK'],
        urgency: URGENCIES[i],
        consent: 'GIVEN',
        summary: 'Oudere bewoner met een achterstand in de huur en weinig contacten in de buurt; voor de cijfers.',
      },
    });
    expect(res.status()).toBe(201);
  }
}

test('the municipality follows "Cijfers" to charts with tables, and cannot reach the cases', async ({ page }) => {
  await login(page, PARTNER);
  const id = await networkId(page);
  await acceptStatementViaApi(page, NETWORK);
  await bringInCases(page, id);
  await logout(page);

  await login(page, MUNICIPALITY);
  // The home page: the municipality's card leads to the figures.
  await expect(page.getByTestId(`work-queue-${id}`).getByTestId('wq-figures')).toBeVisible();
  await page.getByTestId(`work-queue-${id}`).getByRole('link', { name: 'Netwerk openen' }).click();
  await expect(page.getByTestId('municipality-lead')).toBeVisible();
  // No cases tab for the municipality; the API refuses the list as well.
  await expect(page.getByRole('link', { name: 'Casussen' })).toHaveCount(0);
  expect((await page.request.get(`/api/networks/${id}/cases`)).status()).toBe(403);

  await page.getByTestId('figures-link').click();
  await expect(page).toHaveURL(new RegExp(`/netwerken/${id}/cijfers$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Cijfers' })).toBeVisible();
  await expect(page.getByTestId('suppression-note')).toHaveText(
    'Aantallen van 1 tot en met 4 zijn afgeschermd, net als getallen waaruit ze terug te rekenen zijn.',
  );
  // The demo cases and the eight above, all in this period; 1 to 4 per urgency is hidden.
  const broughtIn = page.getByTestId('headline-casesBroughtIn').getByTestId('headline-value');
  await expect(broughtIn).toHaveText(/^\s*\d+\s*$/);
  expect(Number(await broughtIn.innerText())).toBeGreaterThanOrEqual(SURNAMES.length);
  await expect(page.getByTestId('headline-casesBroughtIn').getByTestId('headline-diff')).toContainText('meer dan de vorige periode');
  await expect(page.locator('canvas[role="img"]').first()).toBeVisible();
  // With the demo cases: 5 of medium and 5 of high urgency, both shown; one case each about mental health and self-care, hidden.
  await expect(page.getByTestId('cases-urgency-table').getByRole('row', { name: /Gemiddeld/ })).toContainText('5');
  await expect(page.getByTestId('cases-area-table').getByRole('row', { name: /Zelfzorg/ })).toContainText('< 5');
  await expect(page.getByTestId('cases-month-table').locator('caption')).toContainText('Casussen ingebracht per maand');
  await expect(page.getByTestId('figures-pdf')).toHaveAttribute(
    'href',
    new RegExp(`/api/networks/${id}/figures\\.pdf\\?from=\\d{4}-\\d{2}-01&to=`),
  );
  const csv = await page.request.get((await page.getByTestId('figures-csv').getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  await expectAccessible(page);
  await screenshot(page, '27a-cijfers-gemeente');
  await screenshotTablet(page, '27b-cijfers-tablet');

  // A period in the URL survives a reload; a wrong one is refused in words.
  await page.getByTestId('period-vorig-jaar').click();
  await expect(page).toHaveURL(/periode=vorig-jaar/);
  await page.reload();
  await expect(page.getByTestId('period-vorig-jaar')).toHaveAttribute('aria-current', 'true');
  await page.goto(`/netwerken/${id}/cijfers?periode=eigen&van=2026-06-01&tot=2026-01-01`);
  await expect(page.getByTestId('period-problem')).toHaveText(
    'Het begin van de periode ligt na het einde. Kies een einddatum op of na de begindatum.',
  );

  // Typing the address of the case list: the page says in Dutch that it is not for the municipality.
  await page.goto(`/netwerken/${id}/casussen`);
  await expect(page.getByText('Je hebt geen toestemming voor deze handeling.')).toBeVisible();
  // The page says the list is not for this role, and offers no case to bring in.
  await expect(page.getByRole('alert').filter({ hasText: 'Je hebt in dit netwerk geen toegang tot deze gegevens.' })).toBeVisible();
  await expect(page.getByTestId('new-case')).toHaveCount(0);
});

test('the coordinator sees the "Cijfers" link too', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  const id = await networkId(page);
  await acceptStatementViaApi(page, NETWORK);
  await page.goto(`/netwerken/${id}`);
  // The tab (and the work queue's card) lead there; the page carries no third button.
  await expect(page.getByTestId('figures-link')).toHaveCount(0);
  await page.getByTestId('tab-figures').click();
  await expect(page.getByTestId('headline-casesBroughtIn')).toBeVisible();
  await expect(page.getByTestId('cases-month-table')).toBeVisible();
});
