import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { RoleView } from '@casustafel/contract/networks';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { anAction, componentTestProviders, settle, turn } from '../testing/component-testing';
import { ActionForm } from './action-form';
import { todayInAmsterdam } from '../ui/amsterdam-time';

const role = (userId: string, name: string, organisationId: string): RoleView =>
  ({
    user: { id: userId, name, email: `${userId}@example.nl` },
    organisation: { id: organisationId, name: organisationId },
    role: 'CORE_PARTNER',
    since: '',
  }) as RoleView;

describe(ActionForm.name, () => {
  let fixture: ComponentFixture<ActionForm>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ActionForm);
    fixture.componentRef.setInput('meetingId', 'm1');
    fixture.componentRef.setInput('itemId', 'i1');
    fixture.componentRef.setInput('organisations', [
      { id: 'org-huisarts', name: 'Huisartsenpraktijk' },
      { id: 'org-corporatie', name: 'Woonstichting De Eem' },
    ]);
    fixture.componentRef.setInput('roles', [
      role('u-pieter', 'Pieter Smit', 'org-huisarts'),
      role('u-ayse', 'Ayşe Demir', 'org-corporatie'),
      role('u-joris', 'Joris de Wit', 'org-corporatie'),
    ]);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle(fixture);
  });
  afterEach(() => http.verify());

  const select = (testId: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));
  const input = (testId: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${testId}"]` }));
  const dueField = () => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Uiterlijk' }));

  async function fill(due: string): Promise<void> {
    await (await input('action-description')).setValue('Huisbezoek afleggen');
    const owner = await select('action-owner');
    await owner.open();
    await owner.clickOptions({ text: 'Woonstichting De Eem' });
    const person = await select('action-person');
    await person.open();
    await person.clickOptions({ text: 'Ayşe Demir' });
    await (await input('action-due')).setValue(due);
  }

  it('offers the people of the chosen organisation as owning person, and sends the one chosen', async () => {
    const person = await select('action-person');
    await person.open();
    expect((await person.getOptions()).length).toBe(1); // only "Geen bepaalde persoon" before an organisation is chosen
    await person.close();

    await fill('2099-01-19');
    await person.open();
    const names = await Promise.all((await person.getOptions()).map((o) => o.getText()));
    expect(names).toEqual(['Geen bepaalde persoon', 'Ayşe Demir', 'Joris de Wit']);
    await person.close();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Actie toevoegen' }))).click();
    const create = http.expectOne({ method: 'POST', url: '/api/meetings/m1/agenda/i1/actions' });
    expect(create.request.body).toEqual({
      description: 'Huisbezoek afleggen',
      ownerOrganisationId: 'org-corporatie',
      ownerUserId: 'u-ayse',
      dueDate: '2099-01-19',
    });
    expect(create.request.headers.get(IDEMPOTENCY_HEADER)).toBeTruthy();
    create.flush(anAction());
    await settle(fixture);
  });

  it('refuses a due date before today (Amsterdam) beside the field, without sending', async () => {
    expect(await (await (await input('action-due')).host()).getProperty<string>('min')).toBe(todayInAmsterdam());
    await fill('2025-01-10');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Actie toevoegen' }))).click();
    http.expectNone({ method: 'POST' });
    expect(await (await dueField()).getTextErrors()).toEqual(['De uiterste datum kan niet in het verleden liggen.']);
  });

  it("shows the server's refusal of the due date (400, fields.dueDate) on the date field", async () => {
    await fill('2099-01-19');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Actie toevoegen' }))).click();
    http.expectOne({ method: 'POST' }).flush(
      {
        statusCode: 400,
        message: 'De uiterste datum ligt in het verleden.',
        error: 'Bad Request',
        fields: { dueDate: ['De uiterste datum ligt in het verleden.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await turn(fixture);
    await settle(fixture);
    expect(await (await dueField()).getTextErrors()).toEqual(['De uiterste datum ligt in het verleden.']);
    expect(await (await input('action-description')).getValue()).toBe('Huisbezoek afleggen');
  });

  it('warns after adding when the organisation now carries more open actions than its capacity, and keeps the action', async () => {
    const added: unknown[] = [];
    fixture.componentInstance.added.subscribe((a) => added.push(a));
    await fill('2099-01-19');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Actie toevoegen' }))).click();
    http.expectOne({ method: 'POST', url: '/api/meetings/m1/agenda/i1/actions' }).flush(
      anAction({
        owner: { organisation: { id: 'org-corporatie', name: 'Woonstichting De Eem' }, user: null },
        capacityWarning: { organisation: { id: 'org-corporatie', name: 'Woonstichting De Eem' }, open: 4, capacity: 3 },
      }),
    );
    await settle(fixture);
    expect(added).toHaveLength(1);
    const warning = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="capacity-warning"]');
    expect(warning?.getAttribute('role')).toBe('status');
    expect(warning?.textContent?.trim()).toBe(
      'Let op: Woonstichting De Eem heeft nu 4 open acties en gaf aan er 3 te kunnen dragen. De actie is wel toegevoegd.',
    );

    // The next action, within the capacity: the warning goes.
    await (await input('action-description')).setValue('Buren spreken');
    await (await input('action-due')).setValue('2099-01-20');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Actie toevoegen' }))).click();
    http.expectOne({ method: 'POST' }).flush(anAction({ id: 'a2' }));
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="capacity-warning"]')).toBeNull();
  });

  it('shows no warning when the answer carries none', async () => {
    await fill('2099-01-19');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Actie toevoegen' }))).click();
    http.expectOne({ method: 'POST' }).flush(anAction());
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="capacity-warning"]')).toBeNull();
  });
});
