import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { MeetingView } from '@casustafel/contract/meetings';
import { aMeeting, anItem, componentTestProviders, sessionWith, settle, turn, withItem } from '../testing/component-testing';
import { MeetingPage } from './meeting-page';

describe(MeetingPage.name, () => {
  let fixture: ComponentFixture<MeetingPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  const twoItems = () =>
    aMeeting({
      agenda: [anItem({ id: 'i1', position: 0, title: 'Nieuwe casus' }), anItem({ id: 'i2', position: 1, title: 'Rondvraag', version: 1 })],
    });
  const host = () => fixture.nativeElement as HTMLElement;
  /** Opens an item from the live agenda (a plain button in the list). */
  const pick = (text: string) =>
    Array.from(host().querySelectorAll<HTMLButtonElement>('button.pick'))
      .find((b) => b.textContent!.trim() === text)!
      .click();
  const currentTitle = () => host().querySelector('[data-testid="current-item"]')?.textContent?.trim();

  /** Opens the page on a meeting; answers its requests (meeting, the network's roles, the minutes: none yet). */
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

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...componentTestProviders(),
        sessionWith({
          networks: [
            { id: 'n1', name: 'Buurtnetwerk', kind: 'NEIGHBOURHOOD', role: 'COORDINATOR' },
            { id: 'n2', name: 'Wijknetwerk Oost', kind: 'NEIGHBOURHOOD', role: 'CORE_PARTNER' },
          ],
        }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('saves what was typed before opening another item, and opens it only after the save', async () => {
    const meeting = twoItems();
    await open(meeting);
    expect(currentTitle()).toBe('Nieuwe casus');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="item-notes"]' }))).setValue('Analyse: vereenzaming');
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);

    pick('2. Rondvraag');
    await turn(fixture);
    const save = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1/agenda/i1' });
    expect(save.request.body).toEqual({ notes: 'Analyse: vereenzaming', decisions: '', version: 3 });
    expect(currentTitle()).toBe('Nieuwe casus');
    save.flush(withItem(meeting, anItem({ id: 'i1', title: 'Nieuwe casus', notes: 'Analyse: vereenzaming', version: 4 })));
    await settle(fixture);
    expect(currentTitle()).toBe('Rondvraag');
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(false);
  });

  it('stays on the item when its save fails', async () => {
    await open(twoItems());
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="item-decisions"]' }))).setValue('Huisarts gaat langs');
    pick('2. Rondvraag');
    await turn(fixture);
    http.expectOne({ method: 'PATCH' }).flush({ message: 'Mislukt.' }, { status: 500, statusText: 'Error' });
    await settle(fixture);
    expect(currentTitle()).toBe('Nieuwe casus');
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);
  });

  it('goes to the next item with "Volgend punt" and with Alt+ArrowDown', async () => {
    const meeting = aMeeting({
      agenda: [
        anItem({ id: 'i1', position: 0, title: 'Een' }),
        anItem({ id: 'i2', position: 1, title: 'Twee' }),
        anItem({ id: 'i3', position: 2, title: 'Drie' }),
      ],
    });
    await open(meeting);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="item-next"]' }))).click();
    await settle(fixture);
    expect(currentTitle()).toBe('Twee');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await settle(fixture);
    expect(currentTitle()).toBe('Drie');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="item-next"]' }))).toHaveLength(0);
  });

  it('closes the meeting only after the dialog, and shows the drafted minutes without a reload', async () => {
    await open(twoItems());
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Overleg sluiten' }))).click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain('conceptverslag');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Annuleren' }))).click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Overleg sluiten' }))).click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Overleg sluiten' }))).click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: '/api/meetings/m1/close' }).flush(aMeeting({ ...twoItems(), status: 'CLOSED' }));
    await turn(fixture);
    expect(host().querySelector('[data-testid="meeting-status"]')!.textContent).toContain('Gesloten');
    const minutes = http.expectOne({ method: 'GET', url: '/api/meetings/m1/minutes' });
    minutes.flush({
      meetingId: 'm1',
      status: 'DRAFT',
      version: 1,
      sections: [],
      addenda: [],
      readerLevel: { level: 'FULL', explanation: '' },
      can: { edit: false, send: false, comment: false, approve: false, addendum: false },
    });
    await settle(fixture);
    expect(host().querySelector('[data-testid="minutes"]')).not.toBeNull();
  });

  it('cancels a planned meeting with a required reason, and not when the dialog is dismissed', async () => {
    await open(aMeeting({ status: 'PLANNED' }));
    const cancelButton = () => loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="meeting-cancel"]' }));
    await (await cancelButton()).click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain('niet door');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Niet annuleren' }))).click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });

    await (await cancelButton()).click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Overleg annuleren' }))).click();
    expect(await dialog.getContentText()).toContain('Vul in waarom het overleg niet doorgaat');
    http.expectNone({ method: 'POST' });
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="cancel-reason"]' }))).setValue('Te weinig aanmeldingen');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Overleg annuleren' }))).click();
    await settle(fixture);
    const cancel = http.expectOne({ method: 'POST', url: '/api/meetings/m1/cancel' });
    expect(cancel.request.body).toEqual({ reason: 'Te weinig aanmeldingen' });
    cancel.flush(aMeeting({ status: 'CANCELLED', cancelledReason: 'Te weinig aanmeldingen' }));
    await turn(fixture);
    answerSideRequests();
    await settle(fixture);
    expect(host().querySelector('[data-testid="meeting-cancelled"]')!.textContent).toContain('Geannuleerd: Te weinig aanmeldingen');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="meeting-cancel"]' }))).toHaveLength(0);
  });

  it('offers "Verplaatsen of wijzigen" to the coordinator on a planned meeting only', async () => {
    const changeButtons = () => loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="meeting-change"]' }));
    await open(aMeeting({ status: 'PLANNED' }));
    expect(await changeButtons()).toHaveLength(1);
    expect(await (await changeButtons())[0].getText()).toBe('Verplaatsen of wijzigen');
    fixture.destroy();

    for (const status of ['IN_PROGRESS', 'CLOSED', 'CANCELLED'] as const) {
      await open(aMeeting({ status }));
      expect(await changeButtons()).toHaveLength(0);
      fixture.destroy();
    }
  });

  it('offers no "Verplaatsen of wijzigen" to a partner on a planned meeting', async () => {
    await open(aMeeting({ status: 'PLANNED', canManage: false, networkId: 'n2' }));
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="meeting-change"]' }))).toHaveLength(0);
  });

  it('offers no cancel button to someone without a role that may cancel', async () => {
    await open(aMeeting({ status: 'PLANNED', canManage: false, networkId: 'another-network' }));
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="meeting-cancel"]' }))).toHaveLength(0);
  });
});
