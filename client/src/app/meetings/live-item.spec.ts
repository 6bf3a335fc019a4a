import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { MeetingView } from '@casustafel/contract/meetings';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { aMeeting, anItem, componentTestProviders, settle, withItem } from '../testing/component-testing';
import { AUTOSAVE_DELAY_MS, LiveItem } from './live-item';

describe(LiveItem.name, () => {
  let fixture: ComponentFixture<LiveItem>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let meeting: MeetingView;
  let changed: (MeetingView | null)[];

  function render(m: MeetingView, itemIndex = 0): void {
    meeting = m;
    fixture = TestBed.createComponent(LiveItem);
    fixture.componentRef.setInput('meeting', m);
    fixture.componentRef.setInput('item', m.agenda[itemIndex]);
    changed = [];
    fixture.componentInstance.changed.subscribe((v) => changed.push(v));
    loader = TestbedHarnessEnvironment.loader(fixture);
  }

  const saveState = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="save-state"]')!.textContent!.trim();
  const notes = () => loader.getHarness(MatInputHarness.with({ selector: '[data-testid="item-notes"]' }));

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    vi.useRealTimers();
    http.verify();
  });

  it('saves the notes 1.5 s after typing stops, with the version, and says when in Amsterdam time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(aMeeting());
    await settle(fixture);
    await (await notes()).setValue('Huisarts gaat langs');
    expect(saveState()).toBe('Niet opgeslagen…');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 500);
    http.expectNone({ method: 'PATCH' });

    await vi.advanceTimersByTimeAsync(600);
    const save = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1/agenda/i1' });
    expect(save.request.body).toEqual({ notes: 'Huisarts gaat langs', decisions: '', version: 3 });
    await settle(fixture);
    expect(saveState()).toBe('Opslaan…');
    save.flush(withItem(meeting, anItem({ notes: 'Huisarts gaat langs', version: 4 })));
    await settle(fixture);
    expect(saveState()).toMatch(/^Opgeslagen \d{2}:\d{2}$/);
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(false);
    expect(changed.at(-1)?.agenda[0].version).toBe(4);
  });

  it('saves at once when the field loses focus, and sends the new version next time', async () => {
    render(aMeeting());
    await settle(fixture);
    const field = await notes();
    await field.setValue('Eerste versie');
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);
    await field.blur();
    http.expectOne({ method: 'PATCH' }).flush(withItem(meeting, anItem({ notes: 'Eerste versie', version: 4 })));
    await settle(fixture);

    await field.setValue('Tweede versie');
    await field.blur();
    const second = http.expectOne({ method: 'PATCH' });
    expect(second.request.body.version).toBe(4);
    second.flush(withItem(meeting, anItem({ notes: 'Tweede versie', version: 5 })));
    await settle(fixture);
  });

  it('says when saving failed and saves again on "opnieuw proberen"', async () => {
    render(aMeeting());
    await settle(fixture);
    const field = await notes();
    await field.setValue('Afspraak met de corporatie');
    await field.blur();
    http.expectOne({ method: 'PATCH' }).flush({ message: 'Er ging iets mis.' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(saveState()).toBe('Opslaan mislukt —');
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'opnieuw proberen' }))).click();
    const retry = http.expectOne({ method: 'PATCH' });
    expect(retry.request.body.notes).toBe('Afspraak met de corporatie');
    retry.flush(withItem(meeting, anItem({ notes: 'Afspraak met de corporatie', version: 4 })));
    await settle(fixture);
    expect(saveState()).toMatch(/^Opgeslagen/);
  });

  it('shows both texts on a stale version (409) and saves the one kept on the server version', async () => {
    render(aMeeting());
    await settle(fixture);
    const field = await notes();
    await field.setValue('Mijn aantekening');
    await field.blur();
    http
      .expectOne({ method: 'PATCH' })
      .flush({ message: 'Iemand anders heeft dit intussen gewijzigd.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    http.expectOne({ method: 'GET', url: '/api/meetings/m1' }).flush(withItem(meeting, anItem({ notes: 'Hun aantekening', version: 7 })));
    await settle(fixture);

    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    const text = await (await dialog.host()).text();
    expect(text).toContain('Hun aantekening');
    expect(text).toContain('Mijn aantekening');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Mijn tekst houden' }))).click();
    await settle(fixture);

    const again = http.expectOne({ method: 'PATCH' });
    expect(again.request.body).toEqual({ notes: 'Mijn aantekening', decisions: '', version: 7 });
    again.flush(withItem(meeting, anItem({ notes: 'Mijn aantekening', version: 8 })));
    await settle(fixture);
    expect(saveState()).toMatch(/^Opgeslagen/);
  });

  it('lets the coordinator edit a merged text after a 409', async () => {
    render(aMeeting());
    await settle(fixture);
    const field = await notes();
    await field.setValue('Mijn deel');
    await field.blur();
    http.expectOne({ method: 'PATCH' }).flush({ message: 'Verouderd.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    http.expectOne({ method: 'GET', url: '/api/meetings/m1' }).flush(withItem(meeting, anItem({ notes: 'Hun deel', version: 6 })));
    await settle(fixture);

    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Samenvoegen' }))).click();
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="merge-notes"]' }))).setValue('Hun deel en mijn deel');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Samengevoegde tekst opslaan' }))).click();
    await settle(fixture);

    const merged = http.expectOne({ method: 'PATCH' });
    expect(merged.request.body).toEqual({ notes: 'Hun deel en mijn deel', decisions: '', version: 6 });
    merged.flush(withItem(meeting, anItem({ notes: 'Hun deel en mijn deel', version: 7 })));
    await settle(fixture);
    expect(await field.getValue()).toBe('Hun deel en mijn deel');
  });

  it("shows a question item's text and records the answer in place", async () => {
    const question = {
      id: 'q1',
      title: 'Vrouw durft niet meer naar de kerk',
      status: 'SCHEDULED',
      situation: 'Een vrouw van in de tachtig komt niet meer naar de kerk.',
      question: 'Is dit iets voor de huisarts of voor het wijkteam?',
      answer: null,
      canAnswer: true,
    };
    render(aMeeting({ agenda: [anItem({ kind: 'QUESTION', title: 'Consultatieve vraag', question })] }));
    await settle(fixture);
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('[data-testid="live-question"]')!.textContent).toContain('komt niet meer naar de kerk');
    expect(host.querySelector('[data-testid="live-question"]')!.textContent).toContain('Is dit iets voor de huisarts');

    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="live-answer-advice"]' }))
    ).setValue('Vraag de huisarts om een huisbezoek.');
    const severity = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="live-answer-severity"]' }));
    await severity.open();
    await severity.clickOptions({ text: 'Hoog' });
    const recommendation = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="live-answer-recommendation"]' }));
    await recommendation.open();
    await recommendation.clickOptions({ text: 'Melden bij het OGGZ-meldpunt' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Antwoord opslaan' }))).click();

    const answer = http.expectOne({ method: 'POST', url: '/api/questions/q1/answer' });
    expect(answer.request.body).toEqual({
      advice: 'Vraag de huisarts om een huisbezoek.',
      severity: 'HIGH',
      recommendation: 'REFER_TO_OGGZ_REPORTING_POINT',
    });
    expect(answer.request.headers.get(IDEMPOTENCY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    answer.flush({});
    await settle(fixture);
    expect(changed).toEqual([null]);
  });

  it("shows an answered question's advice read-only", async () => {
    const question = {
      id: 'q1',
      title: 'Vraag',
      status: 'ANSWERED',
      situation: 'Situatie',
      question: 'Vraag?',
      answer: {
        advice: 'Bel de ouderenadviseur.',
        severity: 'LOW' as const,
        recommendation: 'ADVICE_ONLY' as const,
        answeredAt: '2099-01-01T10:00:00Z',
      },
      canAnswer: true,
    };
    render(aMeeting({ agenda: [anItem({ kind: 'QUESTION', question })] }));
    await settle(fixture);
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('[data-testid="live-question-answer"]')!.textContent).toContain('Bel de ouderenadviseur.');
    expect(host.querySelector('[data-testid="live-question-answer"]')!.textContent).toContain('Alleen advies');
    expect(host.querySelector('[data-testid="live-answer-form"]')).toBeNull();
  });

  it('keeps a case on the agenda for the next meeting when ticked', async () => {
    const theCase = { id: 'c1', status: 'ACCEPTED', client: { displayName: 'Casus 2026-014 · mevrouw Linde' } } as never;
    render(aMeeting({ agenda: [anItem({ kind: 'RUNNING_CASE', case: theCase })] }));
    await settle(fixture);
    const keep = await loader.getHarness(MatCheckboxHarness.with({ label: 'Houd op de agenda voor het volgende overleg' }));
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1/agenda/i1' });
    expect(patch.request.body).toEqual({ keepOnAgenda: true, version: 3 });
    patch.flush(withItem(meeting, anItem({ kind: 'RUNNING_CASE', case: theCase, keepOnAgenda: true, version: 4 })));
    await settle(fixture);
    expect(changed.at(-1)?.agenda[0].keepOnAgenda).toBe(true);
  });
});
