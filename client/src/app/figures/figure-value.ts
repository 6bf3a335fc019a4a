import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FigureCell } from '@casustafel/contract/figures';

const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A number in Dutch notation ("1.234", "9,5"). */
export function formatFigure(value: number): string {
  return NUMBER.format(value);
}

/** One cell of a figures table: the number, or "< 5" for a hidden count (a screen reader hears "afgeschermd" too). */
@Component({
  selector: 'app-figure-value',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (cell().suppressed) {
      <span data-testid="suppressed">&lt; 5</span><span class="visually-hidden"> ({{ 'figures.suppressed' | transloco }})</span>
    } @else {
      {{ text() }}
    }
  `,
})
export class FigureValue {
  readonly cell = input.required<FigureCell>();
  protected readonly text = computed(() => {
    const value = this.cell().value;
    return value === null ? '–' : formatFigure(value) + (this.cell().unit === 'percent' ? '%' : '');
  });
}
