import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { MeetingView } from '@casustafel/contract/meetings';
import { aMeeting, anItem, componentTestProviders, settle, turn } from '../testing/component-testing';
import { AgendaList } from './agenda-list';

describe(AgendaList.name, () => {
  let fixture: ComponentFixture<AgendaList>;
  let http: HttpTestingController;

  function render(meeting: MeetingView): void {
    fixture = TestBed.createComponent(AgendaList);
    fixture.componentRef.setInput('meeting', meeting);
    fixture.componentRef.setInput('editable', true);
    // The page takes the meeting the server returns.
    fixture.componentInstance.changed.subscribe((view) => view && fixture.componentRef.setInput('meeting', view));
  }
  const host = () => fixture.nativeElement as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('shows the planned minutes against the meeting duration, and warns when over', async () => {
    render(aMeeting({ durationMinutes: 90, agenda: [anItem({ id: 'i1', minutes: 20 }), anItem({ id: 'i2', position: 1, minutes: 25 })] }));
    await settle(fixture);
    expect(host().querySelector('[data-testid="agenda-planned"]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '45 van 90 minuten gepland',
    );

    fixture.componentRef.setInput(
      'meeting',
      aMeeting({ durationMinutes: 60, agenda: [anItem({ minutes: 45 }), anItem({ id: 'i2', position: 1, minutes: 30 })] }),
    );
    await settle(fixture);
    const planned = host().querySelector('[data-testid="agenda-planned"]')!;
    expect(planned.textContent!.replace(/\s+/g, ' ')).toContain('75 van 60 minuten gepland — 15 minuten meer dan het overleg duurt');
    expect(planned.classList).toContain('over');
  });

  it('keeps the focus on the moved item: its handle, after moving it down with the arrow key', async () => {
    const a = anItem({ id: 'i1', position: 0, title: 'Een', version: 2 });
    const b = anItem({ id: 'i2', position: 1, title: 'Twee' });
    const meeting = aMeeting({ status: 'PLANNED', agenda: [a, b] });
    render(meeting);
    await settle(fixture);
    const handle = host().querySelector<HTMLElement>('[data-handle="i1"]')!;
    handle.focus();
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await turn(fixture);
    const move = http.expectOne({ method: 'PATCH', url: '/api/meetings/m1/agenda/i1' });
    expect(move.request.body).toEqual({ position: 1, version: 2 });
    move.flush({
      ...meeting,
      agenda: [
        { ...b, position: 0 },
        { ...a, position: 1, version: 3 },
      ],
    });
    await settle(fixture);
    expect(host().querySelector('h3')!.textContent).toContain('1. Twee');
    expect(document.activeElement).toBe(host().querySelector('[data-handle="i1"]'));
  });

  it('draws a long agenda a card per task after the first three, until every card is there (ADR 0031)', async () => {
    vi.useFakeTimers();
    try {
      const agenda = Array.from({ length: 12 }, (_, i) => anItem({ id: `i${i}`, position: i, title: `Punt ${i + 1}` }));
      render(aMeeting({ status: 'PLANNED', agenda }));
      fixture.detectChanges();
      const cards = () => Array.from(host().querySelectorAll('[data-item]'), (c) => c.getAttribute('data-item'));
      expect(cards()).toEqual(['i0', 'i1', 'i2']);
      // The planned minutes are the whole agenda's, drawn or not yet.
      expect(host().querySelector('[data-testid="agenda-planned"]')!.textContent).toContain('120 van');
      // A few timer turns later: more cards, in order, not yet all.
      await vi.advanceTimersByTimeAsync(1);
      fixture.detectChanges();
      const some = cards();
      expect(some.length).toBeGreaterThan(3);
      expect(some.length).toBeLessThan(agenda.length);
      expect(some).toEqual(agenda.slice(0, some.length).map((i) => i.id));
      for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(1);
      fixture.detectChanges();
      expect(cards()).toEqual(agenda.map((i) => i.id));
    } finally {
      vi.useRealTimers();
    }
  });
});
