import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { MeetingView } from '@casustafel/contract/meetings';
import { aMeeting, componentTestProviders, sessionWith, settle, turn } from '../testing/component-testing';
import { MeetingPage } from './meeting-page';

/** "Verplaatsen of wijzigen" on the meeting page: the dialog, what it sends, and what the page shows after. */
describe('ChangeMeetingDialog', () => {
  let fixture: ComponentFixture<MeetingPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  /** 13:00 UTC on 19 February is 14:00 in Amsterdam (winter time), whatever the zone the test runs in. */
  const planned = () =>
    aMeeting({ status: 'PLANNED', startsAt: '2099-02-19T13:00:00.000Z', durationMinutes: 90, location: 'Buurthuis', onlineUrl: null });
  const host = () => fixture.nativeElement as HTMLElement;

  async function open(meeting: MeetingView): Promise<void> {
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', meeting.id);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await turn(fixture);
    http.expectOne({ method: 'GET', url: `/api/meetings/${meeting.id}` }).flush(meeting);
    await turn(fixture);
    answerSideRequests();
    await settle(fixture);
  }

  function answerSideRequests(): void {
    for (const r of http.match((req) => req.url.endsWith('/roles'))) r.flush([]);
    for (const r of http.match((req) => req.url.endsWith('/minutes')))
      r.flush({ message: 'Geen verslag.' }, { status: 404, statusText: 'Not Found' });
  }

  async function openDialog(): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Verplaatsen of wijzigen' }))).click();
    return root.getHarness(MatDialogHarness);
  }

  const field = (dialog: MatDialogHarness, name: string) =>
    dialog.getHarness(MatInputHarness.with({ selector: `[data-testid="change-${name}"]` }));
  const save = async (dialog: MatDialogHarness) => {
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Wijzigingen opslaan' }))).click();
    await settle(fixture);
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...componentTestProviders(),
        sessionWith({ networks: [{ id: 'n1', name: 'Buurtnetwerk', kind: 'NEIGHBOURHOOD', role: 'COORDINATOR' }] }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('is prefilled as planned (Amsterdam time), PATCHes only what changed, and the page shows the change with a confirmation', async () => {
    await open(planned());
    const dialog = await openDialog();
    expect(await (await field(dialog, 'startsAt')).getValue()).toBe('2099-02-19T14:00');
    expect(await (await field(dialog, 'duration')).getValue()).toBe('90');
    expect(await (await field(dialog, 'location')).getValue()).toBe('Buurthuis');
    expect(await (await field(dialog, 'onlineUrl')).getValue()).toBe('');

    await (await field(dialog, 'startsAt')).setValue('2099-02-26T09:30');
    await (await field(dialog, 'location')).setValue('');
    await (await field(dialog, 'onlineUrl')).setValue('https://meet.example.nl/casustafel');
    await save(dialog);

    const patch = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1' });
    // The time as typed, without an offset: the API reads it as Amsterdam time, as when planning.
    expect(patch.request.body).toEqual({ startsAt: '2099-02-26T09:30', location: '', onlineUrl: 'https://meet.example.nl/casustafel' });
    patch.flush({ ...planned(), startsAt: '2099-02-26T08:30:00.000Z', location: null, onlineUrl: 'https://meet.example.nl/casustafel' });
    await turn(fixture);
    answerSideRequests();
    await settle(fixture);

    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(host().querySelector('h1')!.textContent).toContain('26 februari 2099');
    expect(host().querySelector('.lead')!.textContent).not.toContain('Buurthuis');
    const snackBar = await root.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Het overleg is gewijzigd. Wie uitgenodigd was, krijgt de gewijzigde uitnodiging.');
  });

  it('sends only a changed duration, and closes without a request when nothing changed', async () => {
    await open(planned());
    let dialog = await openDialog();
    await save(dialog);
    http.expectNone({ method: 'PATCH' });
    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(0);

    dialog = await openDialog();
    await (await field(dialog, 'duration')).setValue('60');
    await save(dialog);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1' });
    expect(patch.request.body).toEqual({ durationMinutes: 60 });
    patch.flush({ ...planned(), durationMinutes: 60 });
    await settle(fixture);
    expect(host().querySelector('.lead')!.textContent).toContain('60 min.');
  });

  it('removes the online link when the field is emptied', async () => {
    await open({ ...planned(), onlineUrl: 'https://meet.example.nl/oud' });
    const dialog = await openDialog();
    expect(await (await field(dialog, 'onlineUrl')).getValue()).toBe('https://meet.example.nl/oud');
    await (await field(dialog, 'onlineUrl')).setValue('');
    await save(dialog);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1' });
    expect(patch.request.body).toEqual({ onlineUrl: '' });
    patch.flush({ ...planned(), onlineUrl: null });
    await settle(fixture);
    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
  });

  it('shows a 400 field error next to the field and in the summary, and keeps the dialog open with what was typed', async () => {
    await open(planned());
    const dialog = await openDialog();
    await (await field(dialog, 'startsAt')).setValue('2020-02-26T09:30');
    await save(dialog);
    const message = 'Verplaats een overleg naar een moment in de toekomst.';
    http
      .expectOne({ method: 'PATCH', url: '/api/meetings/m1' })
      .flush(
        { statusCode: 400, message, error: 'Bad Request', fields: { startsAt: [message] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);

    const startsAtField = document.querySelector('[data-testid="change-startsAt"]')!.closest('mat-form-field')!;
    expect(startsAtField.querySelector('mat-error')!.textContent).toContain(message);
    expect(document.querySelector('[data-testid="error-summary"]')!.textContent).toContain(`Datum en begintijd: ${message}`);
    expect(await (await field(dialog, 'startsAt')).getValue()).toBe('2020-02-26T09:30');
    expect(await root.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);
  });

  it('shows the 409 when the meeting is no longer planned', async () => {
    await open(planned());
    const dialog = await openDialog();
    await (await field(dialog, 'duration')).setValue('120');
    await save(dialog);
    const message = 'Alleen een gepland overleg kan worden verplaatst of gewijzigd.';
    http
      .expectOne({ method: 'PATCH', url: '/api/meetings/m1' })
      .flush({ statusCode: 409, message, error: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(document.querySelector('[data-testid="error-summary-message"]')!.textContent).toContain(message);
    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
  });
});
