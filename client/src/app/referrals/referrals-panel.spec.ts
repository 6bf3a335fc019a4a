import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import type { ReferralView } from '@casustafel/contract/referrals';
import { componentTestProviders, settle, turn } from '../testing/component-testing';
import { ReferralsPanel } from './referrals-panel';

const incoming: ReferralView = {
  id: 'r1',
  direction: 'INCOMING',
  status: 'PENDING',
  fromNetwork: { id: 'n2', name: 'Buurtnetwerk Soesterkwartier' },
  toNetwork: { id: 'n1', name: 'OGGZ-netwerk Amersfoort' },
  caseId: null,
  pseudonym: 'mevrouw Linde',
  problemAreas: ['HOUSING', 'NUISANCE'],
  urgency: 'HIGH',
  identityMoves: true,
  consent: 'GIVEN',
  reason: 'Escalerende overlast; past beter bij de bemoeizorg.',
  createdAt: '2026-11-20T09:00:00.000Z',
  decidedAt: null,
  declineReason: null,
  newCaseId: null,
  identityMoved: null,
  canDecide: true,
};

describe(ReferralsPanel.name, () => {
  let fixture: ComponentFixture<ReferralsPanel>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const click = async (testId: string) => {
    element().querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReferralsPanel);
    fixture.componentRef.setInput('networkId', 'n1');
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await turn(fixture);
    http.expectOne('/api/networks/n1/referrals').flush([incoming]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows an incoming referral by pseudonym, with its reason and whether the identity moves', () => {
    const text = element().textContent!;
    expect(text).toContain('Van Buurtnetwerk Soesterkwartier');
    expect(text).toContain('mevrouw Linde');
    expect(text).toContain('Escalerende overlast');
    expect(text).toContain('Bij overnemen gaat de identiteit mee');
  });

  it('takes it over after a confirmation that says the identity comes along', async () => {
    element().querySelector<HTMLButtonElement>('[data-testid="referral-accept"]')!.click();
    await turn(fixture);
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('mevrouw Linde overnemen?');
    expect(await dialog.getContentText()).toContain('met de identiteit van de cliënt');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Overnemen', ancestor: 'mat-dialog-container' }))).click();
    await turn(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/referrals/r1/accept' })
      .flush({ ...incoming, status: 'ACCEPTED', newCaseId: 'c9', canDecide: false });
    await turn(fixture);
    http.expectOne('/api/networks/n1/referrals').flush([{ ...incoming, status: 'ACCEPTED', newCaseId: 'c9', canDecide: false }]);
    await settle(fixture);
    expect(element().textContent).toContain('Overgenomen');
    expect(element().querySelector('[data-testid="referral-accept"]')).toBeNull();
  });

  it('asks for a reason before declining, and sends it', async () => {
    await click('referral-decline');
    await click('referral-decline-confirm');
    expect(element().textContent).toContain('Geef een reden');
    http.expectNone('/api/referrals/r1/decline');
    const input = element().querySelector<HTMLInputElement>('[data-testid="referral-decline-reason"]')!;
    input.value = 'Geen OGGZ-problematiek.';
    input.dispatchEvent(new Event('input'));
    element().querySelector<HTMLButtonElement>('[data-testid="referral-decline-confirm"]')!.click();
    await turn(fixture);
    const request = http.expectOne('/api/referrals/r1/decline');
    expect(request.request.body).toEqual({ reason: 'Geen OGGZ-problematiek.' });
    request.flush({ ...incoming, status: 'DECLINED', declineReason: 'Geen OGGZ-problematiek.', canDecide: false });
    await turn(fixture);
    http.expectOne('/api/networks/n1/referrals').flush([]);
    await settle(fixture);
    expect(element().textContent).toContain('Geen doorverwijzingen');
  });
});
