import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import type { FigureCell, FigureSeries } from '@casustafel/contract/figures';
import { FigureValue } from './figure-value';

/** One bar per label; a dataset is one column of the table. `outline` draws its bars as an outline (told apart without colour). */
export interface ChartDataset {
  label: string;
  cells: FigureCell[];
  /** One colour for every bar, or one per bar (a bar's colour then repeats what its label says). */
  colour: string | string[];
  outline?: boolean;
}

export interface ChartFigures {
  labels: string[];
  datasets: ChartDataset[];
  total?: FigureCell;
}

/** Blue, dark orange, green and grey: each at least 4.5:1 against white, so bars and their edges stand out (WCAG 1.4.11). */
export const FIGURE_COLOURS = { blue: '#1f5c99', orange: '#a3480b', green: '#2a7030', grey: '#5c6066' } as const;

/** A single-column figure from a series of the API, in one colour. */
export function fromSeries(series: FigureSeries, columnLabel: string, colour: string | string[] = FIGURE_COLOURS.blue): ChartFigures {
  return {
    labels: series.rows.map((r) => r.label),
    datasets: [{ label: columnLabel, cells: series.rows.map((r) => r.cell), colour }],
    total: series.total,
  };
}

const TEXT = '#3b3f45';
const GRID = '#d7dade';

/**
 * A bar chart with the same numbers as a real table under it (issue #13): the canvas is an image with a
 * summary for a screen reader; the table — caption, header cells with their scope, "< 5" for a hidden
 * count — is the accessible truth. A hidden count is plotted as nothing (null), never as a guess.
 */
@Component({
  selector: 'app-figure-chart',
  imports: [BaseChartDirective, TranslocoPipe, FigureValue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; break-inside: avoid; }
    h3 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }
    :host(.wide) .body { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
    @media (max-width: 900px) { :host(.wide) .body { grid-template-columns: minmax(0, 1fr); } }
    .chart { position: relative; width: 100%; }
    table { border-collapse: collapse; width: 100%; font: var(--mat-sys-body-medium); }
    caption { text-align: left; font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); padding-bottom: 4px; }
    th, td { padding: 4px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    th[scope='row'], thead th:first-child { text-align: left; font-weight: 400; }
    thead th { font-weight: 500; text-align: right; }
    td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tfoot th, tfoot td { font-weight: 600; border-bottom: none; border-top: 2px solid var(--mat-sys-outline); }
    .empty { color: var(--mat-sys-on-surface-variant); margin: 0; }
  `,
  host: { '[class.wide]': 'wide()' },
  template: `
    <h3 [id]="headingId()">{{ heading() }}</h3>
    @if (empty()) {
      <p class="empty" [attr.data-testid]="testId() + '-empty'">{{ emptyText() || ('figures.nothing' | transloco) }}</p>
    } @else {
      <div class="body">
        <div class="chart" [style.height.px]="height()">
          <canvas baseChart role="img" [type]="'bar'" [data]="data()" [options]="options()" [legend]="figures().datasets.length > 1"
            [attr.aria-label]="'figures.chartLabel' | transloco: ariaParams()" [attr.data-testid]="testId() + '-chart'"></canvas>
        </div>
        <div class="table-wrap">
          <table [attr.data-testid]="testId() + '-table'">
            <caption>{{ 'figures.tableCaption' | transloco: { title: heading() } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ categoryHeader() }}</th>
                @for (d of figures().datasets; track d.label) {
                  <th scope="col">{{ d.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (label of figures().labels; track $index; let i = $index) {
                <tr>
                  <th scope="row">{{ label }}</th>
                  @for (d of figures().datasets; track d.label) {
                    <td><app-figure-value [cell]="d.cells[i]" /></td>
                  }
                </tr>
              }
            </tbody>
            @if (figures().total; as total) {
              <tfoot>
                <tr>
                  <th scope="row">{{ 'figures.total' | transloco }}</th>
                  <td [attr.colspan]="figures().datasets.length"><app-figure-value [cell]="total" /></td>
                </tr>
              </tfoot>
            }
          </table>
        </div>
      </div>
    }
  `,
})
export class FigureChart {
  readonly heading = input.required<string>();
  /** The header of the table's first column: what a row is ("Maand", "Probleemgebied"). */
  readonly categoryHeader = input.required<string>();
  readonly figures = input.required<ChartFigures>();
  /** Bars lying down, for long labels (organisations, outcomes); standing up for months. */
  readonly horizontal = input(false);
  /** Chart and table side by side on a wide screen (else the table under the chart). */
  readonly wide = input(true);
  readonly testId = input.required<string>();
  /** What to say when there are no rows at all (else "Geen gegevens in deze periode."). */
  readonly emptyText = input('');

  protected readonly headingId = computed(() => `figure-${this.testId()}`);
  /** No rows, or a total of nothing (shown as 0, not hidden): a sentence instead of an empty chart and a column of zeros. */
  protected readonly empty = computed(() => {
    const { labels, total } = this.figures();
    return labels.length === 0 || (total !== undefined && !total.suppressed && total.value === 0);
  });

  /** Lying bars get a line each; standing ones a fixed height. */
  protected readonly height = computed(() => {
    const rows = this.figures().labels.length;
    const legend = this.figures().datasets.length > 1 ? 32 : 0;
    return this.horizontal() ? Math.max(140, rows * 34 * Math.max(1, this.figures().datasets.length * 0.75) + 48 + legend) : 280 + legend;
  });

  protected readonly data = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: this.figures().labels,
    datasets: this.figures().datasets.map((d) => ({
      label: d.label,
      // A hidden count is no bar: null, not 0 and not a guess.
      data: d.cells.map((c) => (c.suppressed ? null : c.value)),
      backgroundColor: d.outline ? 'rgba(255, 255, 255, 0)' : d.colour,
      borderColor: d.colour,
      borderWidth: d.outline ? 2 : 0,
      maxBarThickness: 40,
    })),
  }));

  protected readonly options = computed<ChartConfiguration<'bar'>['options']>(() => {
    const valueAxis = {
      beginAtZero: true,
      ticks: { precision: 0, color: TEXT },
      grid: { color: GRID },
      border: { display: false },
    };
    const categoryAxis = { ticks: { color: TEXT, autoSkip: false }, grid: { display: false } };
    return {
      indexAxis: this.horizontal() ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'nl-NL',
      scales: this.horizontal() ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { legend: { position: 'bottom', labels: { color: TEXT, boxWidth: 14 } } },
    };
  });

  /** The canvas's summary: the title, the largest shown row and how many are hidden; the table has the rest. */
  protected readonly ariaParams = computed(() => {
    const first = this.figures().datasets[0];
    let top: { label: string; value: number } | null = null;
    let hidden = 0;
    first?.cells.forEach((cell, i) => {
      if (cell.suppressed || cell.value === null) hidden++;
      else if (!top || cell.value > top.value) top = { label: this.figures().labels[i], value: cell.value };
    });
    const best = top as { label: string; value: number } | null;
    return { title: this.heading(), top: best ? `${best.label} (${best.value})` : '–', hidden };
  });
}
