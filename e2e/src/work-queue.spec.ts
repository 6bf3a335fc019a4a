import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR_BUURT, acceptStatementViaApi, expectAccessible, login, logout, screenshot, screenshotTablet } from './fixtures/app';

const NETWORK = 'Buurtnetwerk 55+ Soesterkwartier';
const PARTNER = 'corporatie@demo.casustafel.nl';
const CLIENT = { givenName: 'Aleida', surname: 'Werkwachtrij', street: 'Kamp', houseNumber: '12', postcode: '3811 AR', city: 'Amersfoort' };

async function networkId(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  return me.networks.find((n: { name: string }) => n.name === NETWORK).id;
}

/** The number in a work-queue line such as "Nieuwe casussen te beoordelen: 2". */
async function countIn(page: Page, id: string, testId: string): Promise<number> {
  const line = page.getByTestId(`work-queue-${id}`).getByTestId(testId);
  await expect(line).toBeVisible();
  return Number(/(\d+)\s*$/.exec((await line.innerText()).trim())?.[1] ?? NaN);
}

test('the coordinator lands on a work queue that shows a new case to triage and links to it', async ({ page }) => {
  await login(page, COORDINATOR_BUURT);
  const id = await networkId(page);
  const before = await countIn(page, id, 'wq-triage');
  expect(before).toBeGreaterThanOrEqual(0);
  await logout(page);

  // A partner brings in a case (through the API: the intake form has its own tests).
  await login(page, PARTNER);
  await acceptStatementViaApi(page, NETWORK);
  const created = await page.request.post(`/api/networks/${id}/cases`, {
    data: {
      client: { ...CLIENT, dateOfBirth: '1950-03-02' },
      neighbourhood: 'Soesterkwartier',
      problemAreas: ['HOUSING'],
      urgency: 'MEDIUM',
      consent: 'GIVEN',
      summary: 'Oudere bewoonster met een achterstand in de huur en weinig contacten in de buurt.',
    },
  });
  expect(created.status()).toBe(201);
  const caseNumber: string = (await created.json()).number;
  // The partner's own queue counts the case their organisation brought in.
  await page.goto('/');
  await expect(page.getByTestId(`work-queue-${id}`).getByTestId('wq-submitted-cases')).toBeVisible();
  await logout(page);

  await login(page, COORDINATOR_BUURT);
  // The statement is accepted up front, so that its dialog does not open over the case list.
  await acceptStatementViaApi(page, NETWORK);
  await expect.poll(() => countIn(page, id, 'wq-triage')).toBe(before + 1);
  await expectAccessible(page);
  await screenshot(page, '05a-werkvoorraad-coordinator');
  await screenshotTablet(page, '05b-werkvoorraad-tablet');
  await page.getByTestId(`work-queue-${id}`).getByTestId('wq-triage').getByRole('link').click();
  await expect(page).toHaveURL(/\/casussen\?status=SUBMITTED$/);
  const table = page.getByTestId('cases-table');
  await expect(table).toContainText(`${CLIENT.givenName} ${CLIENT.surname}`);
  await table.getByRole('link', { name: caseNumber }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Ingediend');
  await expect(page.getByTestId('page-network')).toContainText(NETWORK);
  // The case's history starts with its intake.
  await expect(page.getByTestId('case-timeline')).toContainText('Ingebracht door');
});
