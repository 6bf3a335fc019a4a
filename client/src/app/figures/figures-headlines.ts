import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FigureCell, FiguresView } from '@casustafel/contract/figures';
import { formatFigure } from './figure-value';

interface Headline {
  key: 'casesBroughtIn' | 'actionsDone' | 'questionsAsked' | 'meetingsHeld';
  icon: string;
  now: FigureCell;
  before: FigureCell;
}

/** How a headline compares with the previous period, as the key of a sentence and its number. */
export function difference(now: FigureCell, before: FigureCell): { key: string; n: string } | null {
  if (now.suppressed || before.suppressed || now.value === null || before.value === null) return null;
  const diff = now.value - before.value;
  if (diff === 0) return { key: 'figures.diffSame', n: '0' };
  return { key: diff > 0 ? 'figures.diffMore' : 'figures.diffLess', n: formatFigure(Math.abs(diff)) };
}

/**
 * The four headline numbers of the period against the previous period of equal length: cases brought in,
 * actions done, questions asked and meetings held. The difference in words (never an arrow or colour alone);
 * a hidden count has none.
 */
@Component({
  selector: 'app-figures-headlines',
  imports: [MatCardModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 16px 0; }
    @media (max-width: 1000px) { :host { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    @media (max-width: 480px) { :host { grid-template-columns: minmax(0, 1fr); } }
    mat-card { margin: 0 !important; height: 100%; }
    .label { display: flex; gap: 8px; align-items: center; font: var(--mat-sys-title-small); margin: 0; }
    .label mat-icon { color: var(--mat-sys-primary); }
    .value { font: var(--mat-sys-display-small); margin: 8px 0 4px; }
    .value.hidden { font: var(--mat-sys-headline-small); }
    .diff, .before { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .diff { color: var(--mat-sys-on-surface); font-weight: 500; }
  `,
  template: `
    @for (h of headlines(); track h.key) {
      <mat-card appearance="outlined" [attr.data-testid]="'headline-' + h.key">
        <mat-card-content>
          <h3 class="label"><mat-icon aria-hidden="true">{{ h.icon }}</mat-icon>{{ 'figures.headline.' + h.key | transloco }}</h3>
          <p class="value" [class.hidden]="h.now.suppressed" data-testid="headline-value">
            @if (h.now.suppressed) {
              {{ hiddenText(h.key) | transloco }}
            } @else {
              {{ format(h.now.value) }}
            }
          </p>
          @if (diff(h); as d) {
            <p class="diff" data-testid="headline-diff">{{ d.key | transloco: { n: d.n } }}</p>
          } @else {
            <p class="before" data-testid="headline-diff">
              {{ 'figures.previousValue' | transloco: { value: h.before.suppressed ? ('figures.lessThanFive' | transloco) : format(h.before.value) } }}
            </p>
          }
        </mat-card-content>
      </mat-card>
    }
  `,
})
export class FiguresHeadlines {
  readonly figures = input.required<FiguresView>();

  protected readonly headlines = computed<Headline[]>(() => {
    const f = this.figures();
    const done = f.actions.outcomes.rows.find((r) => r.key === 'DONE')?.cell ?? { value: 0, suppressed: false, unit: 'count' as const };
    return [
      { key: 'casesBroughtIn', icon: 'folder_shared', now: f.cases.broughtIn, before: f.previousTotals.casesBroughtIn },
      { key: 'actionsDone', icon: 'task_alt', now: done, before: f.previousTotals.actionsDone },
      { key: 'questionsAsked', icon: 'help', now: f.questions.asked, before: f.previousTotals.questionsAsked },
      { key: 'meetingsHeld', icon: 'groups', now: f.meetings.held, before: f.previousTotals.meetingsHeld },
    ];
  });

  protected diff(h: Headline): { key: string; n: string } | null {
    return difference(h.now, h.before);
  }

  /** A headline count on its own is hidden only when it is 1 to 4; the actions done come from a breakdown, where a larger count may be hidden too. */
  protected hiddenText(key: Headline['key']): string {
    return key === 'actionsDone' ? 'figures.hidden' : 'figures.lessThanFive';
  }

  protected format(value: number | null): string {
    return value === null ? '–' : formatFigure(value);
  }
}
