import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CaseView } from '@casustafel/contract/cases';
import { componentTestProviders, sessionWith, settle } from '../testing/component-testing';
import { CasePage } from './case-page';

const aCase: CaseView = {
  id: 'c1',
  networkId: 'n1',
  number: '2026-014',
  pseudonym: 'Casus 2026-014 · mevrouw Linde',
  status: 'ACCEPTED',
  statusReason: null,
  urgency: 'MEDIUM',
  consent: 'GIVEN',
  consentOverrideReason: null,
  problemAreas: ['HOUSING'],
  summary: 'Oudere vrouw vereenzaamt.',
  submittedBy: { organisation: { id: 'o1', name: 'Woningcorporatie Portaal' }, isYou: false },
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  closedAt: null,
  sourceQuestionId: null,
  client: { level: 'PSEUDONYM', displayName: 'Casus 2026-014 · mevrouw Linde', neighbourhood: 'Soesterkwartier' },
  explanation: 'Het convenant.',
  allowedTransitions: ['MONITORING', 'CLOSED', 'DECLINED'],
};

/** A turn, change detection and a turn: a flushed response lands and the resources it enables send their requests. */
async function begin(fixture: { detectChanges(): void }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe(CasePage.name, () => {
  let fixture: ComponentFixture<CasePage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const submit = async () => {
    element().querySelector<HTMLButtonElement>('[data-testid="status-submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        ...componentTestProviders(),
        sessionWith({ networks: [{ id: 'n1', name: 'Buurtnetwerk Soesterkwartier', kind: 'NEIGHBOURHOOD', role: 'COORDINATOR' }] }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('id', 'c1');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await begin(fixture);
    http.expectOne('/api/cases/c1').flush(aCase);
    await begin(fixture);
    http.expectOne('/api/cases/c1/timeline').flush({ caseId: 'c1', entries: [] });
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('names its network', () => {
    expect(element().querySelector('[data-testid="page-network"]')!.textContent).toContain('Netwerk: Buurtnetwerk Soesterkwartier');
  });

  it('asks before closing the case, says what closing does, and sends nothing when cancelled', async () => {
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-select"]' }))
    ).clickOptions({ text: 'Afgesloten' });
    await submit();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Casus afsluiten?');
    expect(await dialog.getContentText()).toContain('komt niet meer op de agenda');
    await dialog.close();
    await settle(fixture);
    http.expectNone({ method: 'PATCH' });
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);
  });

  it('closes the case once confirmed', async () => {
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-select"]' }))
    ).clickOptions({ text: 'Afgesloten' });
    await submit();
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await (await root.getHarness(MatButtonHarness.with({ text: 'Casus afsluiten' }))).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/cases/c1' });
    expect(patch.request.body).toEqual({ status: 'CLOSED' });
    patch.flush({ ...aCase, status: 'CLOSED', allowedTransitions: [] });
    await begin(fixture);
    http.match('/api/cases/c1').forEach((request) => request.flush({ ...aCase, status: 'CLOSED', allowedTransitions: [] }));
    await begin(fixture);
    http.match('/api/cases/c1/timeline').forEach((request) => request.flush({ caseId: 'c1', entries: [] }));
    await settle(fixture);
  });

  it('asks for the reason of a decline beside the field and in the summary, before any dialog', async () => {
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-select"]' }))
    ).clickOptions({ text: 'Afgewezen' });
    await submit();
    await settle(fixture);
    expect(await TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    const reason = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Reden/ }));
    expect((await reason.getTextErrors())[0]).toContain('Geef een reden');
    expect(element().querySelector('[data-testid="error-summary"]')!.textContent).toContain('Geef een reden');
    http.expectNone({ method: 'PATCH' });
  });
});
