import { ChangeDetectionStrategy, Component, computed, inject, input, resource } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { BarController, BarElement, CategoryScale, Legend, LinearScale, Tooltip } from 'chart.js';
import { provideCharts } from 'ng2-charts';
import type { FigureCell, FigureSeries, FiguresView } from '@casustafel/contract/figures';
import { errorMessage } from '../core/api-error';
import { LanguageService } from '../core/i18n';
import { NetworkHeader } from '../networks/network-header';
import { AppDatePipe } from '../ui/app-date.pipe';
import { Loading } from '../ui/loading';
import { FIGURE_COLOURS, FigureChart, fromSeries, type ChartFigures } from './figure-chart';
import { formatFigure } from './figure-value';
import { FiguresApi } from './figures-api';
import { FiguresHeadlines } from './figures-headlines';
import { FiguresPeriod } from './figures-period';
import { resolvePeriod } from './period';

/** Where a row's label comes from: a month, a category code the client translates, or the server's own words. */
type RowKind =
  | 'month'
  | 'enum.problemArea'
  | 'enum.urgency'
  | 'enum.organisationKind'
  | 'enum.caseStatus'
  | 'enum.recommendation'
  | 'figures.rowSource'
  | 'figures.rowOutcome'
  | 'kindAndRing'
  | 'server';

/** The colour of a bar for actions of a kind of organisation: formal help blue, informal orange, hybrid green. */
function kindColour(key: string): string {
  if (key.startsWith('FORMAL')) return FIGURE_COLOURS.blue;
  if (key.startsWith('INFORMAL')) return FIGURE_COLOURS.orange;
  if (key.startsWith('HYBRID')) return FIGURE_COLOURS.green;
  return FIGURE_COLOURS.grey;
}

/**
 * The network's figures (issue #13) for the municipality, the coordinator and the core partners: a period
 * (in the URL), the headline numbers against the previous period, and a chart with its table per breakdown.
 * Only the bar chart's parts of Chart.js are registered (ADR 0020). Counts of 1 to 4 arrive hidden and stay so.
 */
@Component({
  selector: 'app-figures-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    TranslocoPipe,
    AppDatePipe,
    Loading,
    NetworkHeader,
    FigureChart,
    FiguresHeadlines,
    FiguresPeriod,
  ],
  providers: [provideCharts({ registerables: [BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip] })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .suppression { margin: 0 0 8px; color: var(--mat-sys-on-surface-variant); }
    .summary-line { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; margin: 8px 0; }
    .summary-line p { margin: 0; }
    .downloads { display: flex; flex-wrap: wrap; gap: 8px; }
    section { margin-top: 32px; }
    section > h2 { border-bottom: 1px solid var(--mat-sys-outline-variant); padding-bottom: 4px; }
    .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 32px 24px; }
    .grid > .full { grid-column: 1 / -1; }
    @media (max-width: 900px) { .grid { grid-template-columns: minmax(0, 1fr); } }
    .durations { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    .durations dt { font-weight: 500; }
    .durations dd { margin: 0; }
    @media (max-width: 600px) { .durations { grid-template-columns: 1fr; } .durations dd { margin-bottom: 8px; } }
    .numbers { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 16px; padding: 0; list-style: none; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2 class="title">{{ 'figures.title' | transloco }}</h2>
      <p class="lead">{{ 'figures.lead' | transloco }}</p>
      <p class="suppression" data-testid="suppression-note">{{ 'figures.suppressionNote' | transloco }}</p>

      <app-figures-period [preset]="resolved().preset" [period]="resolved().period" [problem]="resolved().problem" [from]="van()" [to]="tot()" />

      @if (resolved().problem; as problem) {
        <p class="error-text" role="alert" data-testid="period-problem">{{ 'figures.problem.' + problem | transloco }}</p>
      } @else if (figures.isLoading() && !figures.hasValue()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (figures.error()) {
        <p class="error-text" role="alert" data-testid="figures-error">{{ failure() }}</p>
      } @else if (figures.value(); as f) {
        @let c = charts()!;
        <div class="summary-line">
          <p data-testid="period-shown">
            {{ 'figures.periodShown' | transloco: { from: (f.from | appDate), to: (f.to | appDate), prevFrom: (f.previous.from | appDate), prevTo: (f.previous.to | appDate) } }}
          </p>
          <div class="downloads">
            <a mat-stroked-button [href]="fileUrl('csv')" download data-testid="figures-csv"><mat-icon>download</mat-icon>{{ 'figures.csv' | transloco }}</a>
            <a mat-stroked-button [href]="fileUrl('pdf')" download data-testid="figures-pdf"><mat-icon>picture_as_pdf</mat-icon>{{ 'figures.pdf' | transloco }}</a>
          </div>
        </div>

        <app-figures-headlines [figures]="f" />

        <section aria-labelledby="figures-cases">
          <h2 id="figures-cases">{{ 'figures.cases' | transloco }}</h2>
          <div class="grid">
            <app-figure-chart class="full" testId="cases-month" [heading]="'figures.casesPerMonth' | transloco" [categoryHeader]="'figures.month' | transloco"
              [figures]="c.casesMonth" />
            <app-figure-chart class="full" testId="cases-area" [heading]="'figures.casesByArea' | transloco" [categoryHeader]="'figures.problemArea' | transloco"
              [figures]="c.casesArea" [horizontal]="true" />
            <app-figure-chart testId="cases-urgency" [wide]="false" [heading]="'figures.casesByUrgency' | transloco" [categoryHeader]="'figures.urgency' | transloco"
              [figures]="c.casesUrgency" />
            <app-figure-chart testId="cases-kind" [wide]="false" [heading]="'figures.casesBySubmitter' | transloco" [categoryHeader]="'figures.organisationKind' | transloco"
              [figures]="c.casesKind" />
            <app-figure-chart testId="cases-source" [wide]="false" [heading]="'figures.casesBySource' | transloco" [categoryHeader]="'figures.source' | transloco"
              [figures]="c.casesSource" [horizontal]="true" />
            <app-figure-chart testId="cases-status" [wide]="false" [heading]="'figures.casesStatusAtEnd' | transloco" [categoryHeader]="'figures.status' | transloco"
              [figures]="c.casesStatus" [horizontal]="true" />
            <div class="full">
              <h3>{{ 'figures.durations' | transloco }}</h3>
              <dl class="durations" data-testid="durations">
                <dt>{{ 'figures.daysToFirstAction' | transloco }}</dt>
                <dd data-testid="days-first-action">{{ duration(f.cases.daysToFirstAction) }}</dd>
                <dt>{{ 'figures.daysToClose' | transloco }}</dt>
                <dd data-testid="days-close">{{ duration(f.cases.daysToClose) }}</dd>
              </dl>
            </div>
          </div>
        </section>

        <section aria-labelledby="figures-actions">
          <h2 id="figures-actions">{{ 'figures.actions' | transloco }}</h2>
          <p>{{ 'figures.actionsLead' | transloco }}</p>
          <div class="grid">
            <app-figure-chart class="full" testId="actions-owner" [heading]="'figures.actionsByOwner' | transloco" [categoryHeader]="'figures.owner' | transloco"
              [figures]="c.actionsOwner" [horizontal]="true" />
            <app-figure-chart class="full" testId="actions-outcome" [heading]="'figures.actionOutcomes' | transloco" [categoryHeader]="'figures.outcome' | transloco"
              [figures]="c.actionsOutcome" [horizontal]="true" />
            <app-figure-chart class="full" testId="actions-month" [heading]="'figures.actionsPerMonth' | transloco" [categoryHeader]="'figures.month' | transloco"
              [figures]="c.actionsMonth" />
          </div>
        </section>

        <section aria-labelledby="figures-questions">
          <h2 id="figures-questions">{{ 'figures.questions' | transloco }}</h2>
          <ul class="numbers" data-testid="question-numbers">
            <li>{{ 'figures.questionsAsked' | transloco: { n: count(f.questions.asked) } }}</li>
            <li>{{ 'figures.questionsAnswered' | transloco: { n: count(f.questions.answered) } }}</li>
            <li>{{ 'figures.questionsConverted' | transloco: { n: count(f.questions.converted) } }}</li>
          </ul>
          <div class="grid">
            <app-figure-chart class="full" testId="questions-month" [heading]="'figures.questionsPerMonth' | transloco" [categoryHeader]="'figures.month' | transloco"
              [figures]="c.questionsMonth" />
            <app-figure-chart testId="questions-severity" [wide]="false" [heading]="'figures.questionsBySeverity' | transloco" [categoryHeader]="'figures.severity' | transloco"
              [figures]="c.questionsSeverity" [horizontal]="true" />
            <app-figure-chart testId="questions-recommendation" [wide]="false" [heading]="'figures.questionsByRecommendation' | transloco"
              [categoryHeader]="'figures.recommendation' | transloco" [figures]="c.questionsRecommendation" [horizontal]="true" />
          </div>
        </section>

        <section aria-labelledby="figures-meetings">
          <h2 id="figures-meetings">{{ 'figures.meetings' | transloco }}</h2>
          <div class="grid">
            <app-figure-chart class="full" testId="meetings-month" [heading]="'figures.meetingsPerMonth' | transloco" [categoryHeader]="'figures.month' | transloco"
              [figures]="c.meetingsMonth" />
            <app-figure-chart class="full" testId="meetings-attendance" [heading]="'figures.attendance' | transloco" [categoryHeader]="'figures.organisation' | transloco"
              [figures]="c.meetingsAttendance" [horizontal]="true" [emptyText]="'figures.noMeetings' | transloco" />
          </div>
        </section>

        <section aria-labelledby="figures-load">
          <h2 id="figures-load">{{ 'figures.load' | transloco }}</h2>
          <p>{{ 'figures.loadLead' | transloco }}</p>
          <app-figure-chart testId="load" [heading]="'figures.loadChart' | transloco" [categoryHeader]="'figures.organisation' | transloco"
            [figures]="c.load" [horizontal]="true" [emptyText]="'figures.noLoad' | transloco" />
        </section>
      }
    </div>
  `,
})
export class FiguresPage {
  private readonly api = inject(FiguresApi);
  private readonly i18n = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  /** Route parameter: the network. */
  readonly id = input.required<string>();
  /** Query parameters: the period (`?periode=12-maanden`, or `?periode=eigen&van=2026-01-01&tot=2026-06-30`). */
  readonly periode = input<string | undefined>(undefined);
  readonly van = input<string | undefined>(undefined);
  readonly tot = input<string | undefined>(undefined);

  protected readonly resolved = computed(() => resolvePeriod(this.periode(), this.van(), this.tot()));
  protected readonly figures = resource({
    params: () => {
      const period = this.resolved().period;
      return period ? { id: this.id(), ...period } : undefined;
    },
    loader: ({ params }) => this.api.get(params.id, { from: params.from, to: params.to }),
  });
  /** The server's refusal in its own words (Dutch), else the general sentence. */
  protected readonly failure = computed(() => errorMessage(this.figures.error()));

  protected fileUrl(format: 'csv' | 'pdf'): string {
    const f = this.figures.value();
    return f ? this.api.fileUrl(this.id(), { from: f.from, to: f.to }, format) : '';
  }

  /** Every chart's labels and numbers, once per answer (and per language), not on every change detection. */
  protected readonly charts = computed(() => {
    const f = this.figures.value();
    const language = this.languages.language();
    if (!f) return null;
    const count = this.i18n.translate('figures.count');
    const label = this.rowLabel(language);
    const series = (s: FigureSeries, kind: RowKind, byKind = false): ChartFigures =>
      fromSeries(
        { ...s, rows: s.rows.map((r) => ({ ...r, label: label(kind, r.key, r.label) })) },
        count,
        byKind ? s.rows.map((r) => kindColour(r.key)) : FIGURE_COLOURS.blue,
      );
    return {
      casesMonth: series(f.cases.perMonth, 'month'),
      casesArea: series(f.cases.byProblemArea, 'enum.problemArea'),
      casesUrgency: series(f.cases.byUrgency, 'enum.urgency'),
      casesKind: series(f.cases.bySubmitterKind, 'enum.organisationKind', true),
      casesSource: series(f.cases.bySource, 'figures.rowSource'),
      casesStatus: series(f.cases.statusAtEnd, 'enum.caseStatus'),
      actionsOwner: series(f.actions.byOwnerKindAndRing, 'kindAndRing', true),
      actionsOutcome: series(f.actions.outcomes, 'figures.rowOutcome'),
      actionsMonth: series(f.actions.perMonth, 'month'),
      questionsMonth: series(f.questions.perMonth, 'month'),
      // A question's severity has the same four codes as a case's urgency (LOW to ACUTE).
      questionsSeverity: series(f.questions.bySeverity, 'enum.urgency'),
      questionsRecommendation: series(f.questions.byRecommendation, 'enum.recommendation'),
      meetingsMonth: series(f.meetings.perMonth, 'month'),
      meetingsAttendance: series(f.meetings.attendanceByOrganisation, 'server'),
      load: this.load(f),
    };
  });

  /**
   * A row's label: the server's Dutch one (the same as in the PDF and CSV); in English, the client's own
   * translation of a category code or month where it has one, else still the server's.
   */
  private rowLabel(language: string): (kind: RowKind, key: string, label: string) => string {
    if (language === 'nl') return (_kind, _key, label) => label;
    const own = (translationKey: string, fallback: string) => {
      const text = this.i18n.translate(translationKey);
      return text && text !== translationKey ? text : fallback;
    };
    const months = new Intl.DateTimeFormat(this.languages.locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (kind, key, label) => {
      if (kind === 'server') return label;
      if (kind === 'month') return /^\d{4}-\d{2}$/.test(key) ? months.format(new Date(`${key}-15T00:00:00Z`)) : label;
      if (kind === 'kindAndRing') {
        const [organisationKind, ring] = key.split('_');
        return ring
          ? `${own(`enum.organisationKind.${organisationKind}`, organisationKind)}, ${own(`enum.ring.${ring}`, ring).toLowerCase()}`
          : label;
      }
      return own(`${kind}.${key}`, label);
    };
  }

  /** Open actions against the capacity each informal or hybrid organisation recorded; the capacity drawn as an outline. */
  private load(f: FiguresView): ChartFigures {
    const capacity = (value: number | null): FigureCell => ({ value, suppressed: false, unit: 'count' });
    return {
      labels: f.load.map((l) => l.organisation.name),
      datasets: [
        { label: this.i18n.translate('figures.openActions'), cells: f.load.map((l) => l.open), colour: FIGURE_COLOURS.orange },
        {
          label: this.i18n.translate('figures.capacity'),
          cells: f.load.map((l) => capacity(l.capacity)),
          colour: FIGURE_COLOURS.blue,
          outline: true,
        },
      ],
    };
  }

  protected count(cell: FigureCell): string {
    return cell.suppressed ? this.i18n.translate('figures.lessThanFive') : formatFigure(cell.value ?? 0);
  }

  /** "mediaan 9 dagen, 90% binnen 21 dagen", or "te weinig casussen" under five. */
  protected duration(d: { median: FigureCell; p90: FigureCell }): string {
    if (d.median.suppressed || d.p90.suppressed || d.median.value === null || d.p90.value === null)
      return this.i18n.translate('figures.tooFewCases');
    return this.i18n.translate('figures.medianP90', { median: formatFigure(d.median.value), p90: formatFigure(d.p90.value) });
  }
}
