import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CaseTimelineView } from '@casustafel/contract/timeline';
import { anAction, componentTestProviders, settle } from '../testing/component-testing';
import { CaseTimeline } from './case-timeline';

const timeline: CaseTimelineView = {
  caseId: 'c1',
  entries: [
    { kind: 'FROM_QUESTION', at: '2026-01-05T09:00:00.000Z', question: { id: 'q1', title: 'Buurvrouw laat de post liggen' } },
    { kind: 'INTAKE', at: '2026-01-10T09:00:00.000Z', organisation: { id: 'o1', name: 'Woningcorporatie Portaal' } },
    {
      kind: 'STATUS',
      at: '2026-01-12T09:00:00.000Z',
      from: 'SUBMITTED',
      to: 'ACCEPTED',
      reason: 'Past bij het netwerk.',
      by: 'Sanne Visser',
    },
    {
      kind: 'MEETING',
      at: '2026-01-20T13:00:00.000Z',
      meeting: { id: 'm1', startsAt: '2026-01-20T13:00:00.000Z', status: 'CLOSED' },
      decisions: 'Huisarts gaat langs.',
    },
    {
      kind: 'MEETING',
      at: '2026-02-17T13:00:00.000Z',
      meeting: { id: 'm2', startsAt: '2026-02-17T13:00:00.000Z', status: 'CLOSED' },
      decisions: null,
    },
    { kind: 'ACTION', at: '2026-01-20T14:00:00.000Z', action: anAction({ description: 'Huisbezoek afleggen', dueDate: '2026-02-01' }) },
  ],
};

/** Runs the first change detection, so that resources send their requests (a pending resource keeps the fixture unstable). */
async function begin(fixture: { detectChanges(): void }): Promise<void> {
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe(CaseTimeline.name, () => {
  let fixture: ComponentFixture<CaseTimeline>;
  let http: HttpTestingController;
  const items = () =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll<HTMLLIElement>('ol[data-testid="case-timeline"] > li'));

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('caseId', 'c1');
    await begin(fixture);
    http.expectOne('/api/cases/c1/timeline').flush(timeline);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('lists the history in order as an ordered list with a time element per entry', () => {
    expect(items().map((li) => li.dataset['kind'])).toEqual(['FROM_QUESTION', 'INTAKE', 'STATUS', 'MEETING', 'MEETING', 'ACTION']);
    for (const li of items()) expect(li.querySelector('time')!.getAttribute('datetime')).toMatch(/^2026-/);
    expect(items()[0].querySelector('a')!.getAttribute('href')).toBe('/vragen/q1');
    expect(items()[1].textContent).toContain('Ingebracht door Woningcorporatie Portaal');
    expect(items()[2].textContent).toContain('Status gewijzigd van Ingediend naar Geaccepteerd');
    expect(items()[2].textContent).toContain('Past bij het netwerk.');
    expect(items()[3].querySelector('a')!.getAttribute('href')).toBe('/overleggen/m1');
    expect(items()[3].textContent).toContain('Huisarts gaat langs.');
    expect(items()[5].textContent).toContain('Huisbezoek afleggen');
    expect(items()[5].textContent).toContain('uiterlijk 1 februari 2026');
  });

  it('says the decisions are not visible for this role when the server withholds them', () => {
    expect(items()[4].querySelector('[data-testid="decisions-hidden"]')!.textContent).toContain('niet zichtbaar voor jouw rol');
    expect(items()[4].querySelector('a')!.getAttribute('href')).toBe('/overleggen/m2');
  });
});
