import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { isCalendarDate, PERIOD_PRESETS, periodProblem, type Period, type PeriodPreset, type PeriodProblem } from './period';

/** The begin date must be a real date. */
const calendarDate: ValidatorFn = (control) => (control.value && !isCalendarDate(control.value as string) ? { invalidDate: true } : null);

/** The end date against the begin date: not before it, and at most three years after it. */
const afterFrom: ValidatorFn = (control: AbstractControl) => {
  const from = control.parent?.get('from')?.value as string | undefined;
  const to = control.value as string;
  if (!to || !isCalendarDate(from)) return null;
  const problem = periodProblem(from, to);
  return problem === 'fromAfterTo' || problem === 'tooLong' ? { [problem]: true } : null;
};

/**
 * The period of the figures: three presets as links (the period is in the URL, so a reload or a shared
 * link keeps it) and a custom from/to. A custom period that the API would refuse is refused here first,
 * in words, with the error summary above the fields.
 */
@Component({
  selector: 'app-figures-period',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; margin: 8px 0 16px; }
    .presets { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
    .presets a[aria-current='true'] { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); font-weight: 600; }
    form { margin-top: 16px; max-width: 720px; }
    form mat-form-field { flex: 1 1 200px; }
  `,
  template: `
    <nav [attr.aria-label]="'figures.periodNav' | transloco">
      <ul class="presets">
        @for (p of presets; track p) {
          <li>
            <a mat-stroked-button [routerLink]="[]" [queryParams]="linkParams(p)" [attr.aria-current]="p === preset() ? 'true' : null"
              [attr.data-testid]="'period-' + p">{{ 'figures.preset.' + p | transloco }}</a>
          </li>
        }
      </ul>
    </nav>
    @if (preset() === 'eigen') {
      <form [formGroup]="form" (ngSubmit)="apply()" novalidate class="form-row" data-testid="period-form">
        <app-error-summary [submit]="submit" />
        <mat-form-field>
          <mat-label>{{ 'figures.from' | transloco }}</mat-label>
          <input matInput type="date" formControlName="from" required data-testid="period-from" />
          <mat-error>{{ form.controls.from | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'figures.to' | transloco }}</mat-label>
          <input matInput type="date" formControlName="to" required data-testid="period-to" />
          <mat-error>{{ form.controls.to | errorText: { fromAfterTo: 'figures.problem.fromAfterTo', tooLong: 'figures.problem.tooLong' } }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" data-testid="period-apply">{{ 'figures.show' | transloco }}</button>
      </form>
    }
  `,
})
export class FiguresPeriod {
  private readonly router = inject(Router);
  readonly preset = input.required<PeriodPreset>();
  /** The period shown now (for the custom fields' first values). */
  readonly period = input<Period | null>(null);
  /** A custom period from the URL that the API would refuse: the fields show why. */
  readonly problem = input<PeriodProblem | null>(null);
  /** The custom dates as they stand in the URL, also when they are wrong. */
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);

  protected readonly presets = PERIOD_PRESETS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    from: ['', [Validators.required, calendarDate]],
    to: ['', [Validators.required, afterFrom]],
  });
  protected readonly submit = new FormSubmit();

  constructor() {
    // The end date is judged against the begin date: again whenever the begin date changes.
    this.form.controls.from.valueChanges.subscribe(() => this.form.controls.to.updateValueAndValidity({ emitEvent: false }));
    // The fields follow the URL (a preset chosen, a shared link opened); a period from the URL that is wrong shows why.
    effect(() => {
      const from = this.from() ?? this.period()?.from ?? '';
      const to = this.to() ?? this.period()?.to ?? '';
      const problem = this.problem();
      untracked(() => {
        this.form.setValue({ from, to });
        if (problem) this.form.markAllAsTouched();
      });
    });
  }

  protected linkParams(preset: PeriodPreset): Record<string, string | null> {
    if (preset !== 'eigen') return { periode: preset, van: null, tot: null };
    const period = this.period();
    return { periode: 'eigen', van: this.from() ?? period?.from ?? null, tot: this.to() ?? period?.to ?? null };
  }

  protected async apply(): Promise<void> {
    const { from, to } = this.form.getRawValue();
    await this.submit.run(this.form, () =>
      this.router.navigate([], { queryParams: { periode: 'eigen', van: from, tot: to }, queryParamsHandling: 'merge' }),
    );
  }
}
