import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import type { NetworkView } from '@casustafel/contract/networks';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { componentTestProviders, settle } from '../testing/component-testing';
import { confirmLeaveWithUnsavedInput } from '../ui/unsaved-input';
import { CaseIntakePage } from './case-intake-page';

const network: NetworkView = {
  id: 'n1',
  name: 'Buurtnetwerk Soesterkwartier',
  kind: 'NEIGHBOURHOOD',
  area: 'Amersfoort',
  createdAt: '2026-01-01T00:00:00.000Z',
  myRole: null,
  canManage: false,
};

/** Runs the first change detection, so that resources send their requests (a pending resource keeps the fixture unstable). */
async function begin(fixture: { detectChanges(): void }): Promise<void> {
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe(CaseIntakePage.name, () => {
  let fixture: ComponentFixture<CaseIntakePage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const input = (testId: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${testId}"]` }));
  const submit = async () => {
    element().querySelector<HTMLButtonElement>('[data-testid="intake-submit"]')!.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseIntakePage);
    fixture.componentRef.setInput('id', 'n1');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await begin(fixture);
    http.match('/api/networks/n1').forEach((request) => request.flush(network));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  async function fillValidForm(): Promise<void> {
    await (await input('client-givenName')).setValue('Trijntje');
    await (await input('client-surname')).setValue('van Zwanenburcht');
    await (await input('client-dateOfBirth')).setValue('1944-04-21');
    await (await input('client-street')).setValue('Hoogland');
    await (await input('client-houseNumber')).setValue('5');
    await (await input('client-postcode')).setValue('3813 PX');
    await (await input('client-city')).setValue('Amersfoort');
    await (await input('case-neighbourhood')).setValue('Soesterkwartier');
    await (await input('case-summary')).setValue('Oudere vrouw vereenzaamt en laat de post liggen.');
    element().querySelector<HTMLInputElement>('[data-testid="area-HOUSING"] input')!.click();
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Gegeven' });
    await settle(fixture);
  }

  it('has no preset consent, and an empty submit says in the summary and beside the field that it is required', async () => {
    const consent = await loader.getHarness(MatRadioGroupHarness);
    expect(await consent.getCheckedValue()).toBeNull();

    await submit();
    http.expectNone({ method: 'POST' });
    expect(element().querySelector('[data-testid="consent-required"]')!.textContent).toContain('Kies of de cliënt toestemming gaf');
    const summary = element().querySelector('[data-testid="error-summary"]')!;
    const links = Array.from(summary.querySelectorAll('a')).map((a) => a.textContent!.trim());
    expect(links).toContain('Voornaam: Vul dit veld in.');
    expect(links.some((l) => l.startsWith('Toestemming van de cliënt: Kies of de cliënt toestemming gaf'))).toBe(true);

    // The consent link moves focus to the first radio button.
    Array.from(summary.querySelectorAll('a'))
      .find((a) => a.textContent!.includes('Toestemming'))!
      .click();
    expect((document.activeElement as HTMLInputElement).type).toBe('radio');

    const givenName = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Voornaam/ }));
    expect(await givenName.getTextErrors()).toEqual(['Vul dit veld in.']);
  });

  it("maps the server's field errors onto the fields, with one Idempotency-Key, and keeps everything typed", async () => {
    await fillValidForm();
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/networks/n1/cases' });
    expect(request.request.headers.get(IDEMPOTENCY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body.consent).toBe('GIVEN');
    request.flush(
      {
        statusCode: 400,
        message: 'Vul een postcode in zoals 3813 PX.',
        error: 'Bad Request',
        fields: { 'client.postcode': ['Vul een postcode in zoals 3813 PX.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    const postcode = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Postcode/ }));
    expect(await postcode.getTextErrors()).toEqual(['Vul een postcode in zoals 3813 PX.']);
    expect(await (await input('client-givenName')).getValue()).toBe('Trijntje');
    expect(await (await input('case-summary')).getValue()).toBe('Oudere vrouw vereenzaamt en laat de post liggen.');
    expect(await (await loader.getHarness(MatRadioGroupHarness)).getCheckedValue()).toBe('GIVEN');
    expect(element().querySelector('[data-testid="error-summary"]')!.textContent).toContain('Postcode: Vul een postcode in zoals 3813 PX.');
    expect(element().querySelector<HTMLButtonElement>('[data-testid="intake-submit"]')!.disabled).toBe(false);

    await (await input('client-postcode')).setValue('3813 PY');
    await settle(fixture);
    expect(await postcode.getTextErrors()).toEqual([]);
  });

  it('asks before leaving with input typed, and lets go without asking when nothing was typed', async () => {
    const page = fixture.componentInstance;
    const leave = () =>
      TestBed.runInInjectionContext(() =>
        confirmLeaveWithUnsavedInput(page, {} as ActivatedRouteSnapshot, {} as RouterStateSnapshot, {} as RouterStateSnapshot),
      );
    expect(leave()).toBe(true);

    await (await input('client-givenName')).setValue('Trijntje');
    expect(page.hasUnsavedInput()).toBe(true);
    const answer = leave() as Promise<boolean>;
    await settle(fixture);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Wijzigingen niet opgeslagen');
    await dialog.close();
    expect(await answer).toBe(false);

    const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
