import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { FigureCell, FigureSeries, FiguresView } from '@casustafel/contract/figures';
import type { NetworkView } from '@casustafel/contract/networks';
import { answerGets, componentTestProviders, sessionWith, settle } from '../testing/component-testing';
import { FiguresPage } from './figures-page';

const shown = (value: number): FigureCell => ({ value, suppressed: false, unit: 'count' });
const hidden: FigureCell = { value: null, suppressed: true, unit: 'count' };
const days = (value: number): FigureCell => ({ value, suppressed: false, unit: 'days' });
const hiddenDays: FigureCell = { value: null, suppressed: true, unit: 'days' };
const series = (rows: [string, string, FigureCell][], total: FigureCell): FigureSeries => ({
  rows: rows.map(([key, label, cell]) => ({ key, label, cell })),
  total,
});

function figures(load: FiguresView['load'] = []): FiguresView {
  const months = series(
    [
      ['2026-01', 'jan 2026', shown(12)],
      ['2026-02', 'feb 2026', shown(8)],
    ],
    shown(20),
  );
  return {
    networkId: 'n1',
    networkName: 'Buurtnetwerk 55+ Soesterkwartier',
    from: '2026-01-01',
    to: '2026-06-30',
    previous: { from: '2025-07-04', to: '2025-12-31' },
    cases: {
      broughtIn: shown(20),
      byProblemArea: series([['HOUSING', 'Wonen', shown(11)]], shown(20)),
      // A count of 3 is hidden, and so is the smallest other one (else 20 − 14 would give it away).
      byUrgency: series(
        [
          ['LOW', 'Laag', hidden],
          ['MEDIUM', 'Gemiddeld', shown(14)],
          ['HIGH', 'Hoog', hidden],
        ],
        shown(20),
      ),
      bySubmitterKind: series([['FORMAL', 'Formeel', shown(20)]], shown(20)),
      bySource: series([['INTAKE', 'Aangemeld door een lid', shown(20)]], shown(20)),
      statusAtEnd: series([['ACCEPTED', 'Aangenomen', shown(20)]], shown(20)),
      daysToFirstAction: { median: days(9), p90: days(21) },
      daysToClose: { median: hiddenDays, p90: hiddenDays },
      perMonth: months,
    },
    actions: {
      byOwnerKindAndRing: series(
        [
          ['FORMAL_CORE', 'Formeel, kern', shown(9)],
          ['INFORMAL_SHELL', 'Informeel, schil', shown(6)],
        ],
        shown(15),
      ),
      outcomes: series([['DONE', 'Uitgevoerd', shown(15)]], shown(15)),
      perMonth: series([['2026-01', 'jan 2026', shown(15)]], shown(15)),
    },
    questions: {
      asked: hidden,
      answered: shown(0),
      converted: shown(0),
      bySeverity: series([], shown(0)),
      byRecommendation: series([], shown(0)),
      perMonth: series([['2026-01', 'jan 2026', hidden]], hidden),
    },
    meetings: {
      held: shown(6),
      attendanceByOrganisation: series([], shown(0)),
      perMonth: series([['2026-01', 'jan 2026', shown(6)]], shown(6)),
    },
    load,
    previousTotals: { casesBroughtIn: shown(8), actionsDone: shown(15), questionsAsked: shown(5), meetingsHeld: hidden },
  };
}

/** The figures page (issue #13): the period in the request, tables with hidden counts, the comparison in words, a bad period refused. */
describe(FiguresPage.name, () => {
  let fixture: ComponentFixture<FiguresPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const requested: string[] = [];

  async function render(query: { periode?: string; van?: string; tot?: string }, load: FiguresView['load'] = []): Promise<void> {
    const network: NetworkView = {
      id: 'n1',
      name: 'Buurtnetwerk 55+ Soesterkwartier',
      kind: 'NEIGHBOURHOOD',
      area: 'Soesterkwartier',
      createdAt: '2025-01-01T00:00:00.000Z',
      myRole: 'MUNICIPALITY',
      canManage: false,
    };
    TestBed.configureTestingModule({
      providers: [
        ...componentTestProviders(),
        sessionWith({
          organisation: { id: 'org-gemeente', name: 'Gemeente' },
          networks: [{ id: 'n1', name: network.name, kind: 'NEIGHBOURHOOD', role: 'MUNICIPALITY' }],
        }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FiguresPage);
    fixture.componentRef.setInput('id', 'n1');
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    const answers: Record<string, unknown> = {
      '/api/networks/n1': network,
      '/api/networks/n1/figures': figures(load),
      '/api/networks/n1/confidentiality': { valid: true, statement: '', acceptedAt: null, validUntil: null },
    };
    await answerGets(fixture, http, answers, (req) => requested.push(req.request.urlWithParams), 4);
  }

  const text = (testId: string) =>
    element().querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    requested.length = 0;
    // jsdom draws no canvas: Chart.js gets no context and draws nothing; the tables are what is tested.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    http.verify();
    vi.restoreAllMocks();
  });

  it('asks for the period in the URL and shows every breakdown as a table, a hidden count as "< 5"', async () => {
    await render({ periode: 'eigen', van: '2026-01-01', tot: '2026-06-30' });
    expect(requested).toContain('/api/networks/n1/figures?from=2026-01-01&to=2026-06-30');
    expect(text('suppression-note')).toBe(
      'Aantallen van 1 tot en met 4 zijn afgeschermd, net als getallen waaruit ze terug te rekenen zijn.',
    );

    const urgency = element().querySelector<HTMLTableElement>('[data-testid="cases-urgency-table"]')!;
    expect(urgency.querySelector('caption')!.textContent).toContain('Casussen per urgentie');
    expect(Array.from(urgency.querySelectorAll('thead th')).map((th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
    const rows = Array.from(urgency.querySelectorAll('tbody tr')).map((tr) => [
      tr.querySelector('th[scope="row"]')!.textContent!.trim(),
      tr.querySelector('td [data-testid="suppressed"]')?.textContent?.trim() ?? tr.querySelector('td')!.textContent!.trim(),
    ]);
    expect(rows).toEqual([
      ['Laag', '< 5'],
      ['Gemiddeld', '14'],
      ['Hoog', '< 5'],
    ]);
    expect(urgency.querySelector('tfoot')!.textContent).toContain('20');

    // The chart is an image with a summary; the table is the truth.
    const canvas = element().querySelector('[data-testid="cases-urgency-chart"]')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toContain('Hoogste: Gemiddeld (14). Afgeschermde aantallen: 2.');

    expect(text('days-first-action')).toBe('mediaan 9 dagen, 90% binnen 21 dagen');
    expect(text('days-close')).toBe('te weinig casussen');
    expect(text('load-empty')).toContain('Er zijn nog geen cijfers over draaglast');
    expect(element().querySelector('[data-testid="figures-csv"]')!.getAttribute('href')).toBe(
      '/api/networks/n1/figures.csv?from=2026-01-01&to=2026-06-30',
    );
    expect(element().querySelector('[data-testid="figures-pdf"]')!.getAttribute('href')).toBe(
      '/api/networks/n1/figures.pdf?from=2026-01-01&to=2026-06-30',
    );
  });

  it('says in words how each headline compares with the previous period, and gives a hidden one no difference', async () => {
    await render({ periode: 'eigen', van: '2026-01-01', tot: '2026-06-30' });
    const headline = (key: string) => element().querySelector<HTMLElement>(`[data-testid="headline-${key}"]`)!;
    const part = (key: string, testId: string) => headline(key).querySelector(`[data-testid="${testId}"]`)!.textContent!.trim();
    expect(part('casesBroughtIn', 'headline-value')).toBe('20');
    expect(part('casesBroughtIn', 'headline-diff')).toBe('12 meer dan de vorige periode');
    expect(part('actionsDone', 'headline-diff')).toBe('Evenveel als de vorige periode');
    expect(part('questionsAsked', 'headline-value')).toBe('minder dan 5');
    expect(part('questionsAsked', 'headline-diff')).toBe('Vorige periode: 5');
    expect(part('meetingsHeld', 'headline-value')).toBe('6');
    expect(part('meetingsHeld', 'headline-diff')).toBe('Vorige periode: minder dan 5');
  });

  it('refuses a custom period that ends before it begins, in Dutch, and asks nothing', async () => {
    await render({ periode: 'eigen', van: '2026-06-01', tot: '2026-01-01' });
    expect(requested.filter((url) => url.includes('/figures'))).toEqual([]);
    expect(text('period-problem')).toBe('Het begin van de periode ligt na het einde. Kies een einddatum op of na de begindatum.');
  });

  it('checks a custom period typed in before it goes to the URL', async () => {
    await render({ periode: 'eigen', van: '2026-01-01', tot: '2026-06-30' });
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const set = (testId: string, value: string) => {
      const input = element().querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('period-from', '2026-08-01');
    set('period-to', '2026-03-31');
    element().querySelector<HTMLButtonElement>('[data-testid="period-apply"]')!.click();
    await settle(fixture);
    fixture.detectChanges();
    expect(navigate).not.toHaveBeenCalled();
    expect(text('period-form')).toContain('Het begin van de periode ligt na het einde.');
    expect(text('error-summary')).toContain('Tot en met: Het begin van de periode ligt na het einde.');

    set('period-to', '2026-09-30');
    element().querySelector<HTMLButtonElement>('[data-testid="period-apply"]')!.click();
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { periode: 'eigen', van: '2026-08-01', tot: '2026-09-30' },
      queryParamsHandling: 'merge',
    });
  });

  it('shows each informal organisation’s open actions beside its capacity, a hidden count as "< 5"', async () => {
    await render({ periode: 'eigen', van: '2026-01-01', tot: '2026-06-30' }, [
      { organisation: { id: 'o1', name: 'Humanitas' }, open: shown(7), capacity: 5 },
      { organisation: { id: 'o2', name: 'Buurtkerk' }, open: hidden, capacity: null },
    ]);
    const table = element().querySelector<HTMLTableElement>('[data-testid="load-table"]')!;
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent!.trim())).toEqual([
      'Organisatie',
      'Open acties',
      'Capaciteit',
    ]);
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map(
        (c) => c.querySelector('[data-testid="suppressed"]')?.textContent?.trim() ?? c.textContent!.trim(),
      ),
    );
    expect(rows).toEqual([
      ['Humanitas', '7', '5'],
      ['Buurtkerk', '< 5', '–'],
    ]);
    expect(element().querySelector('[data-testid="load-empty"]')).toBeNull();
  });
});
