import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { RECOMMENDATIONS, SEVERITIES, type Recommendation, type Severity } from '@casustafel/contract/question-rules';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { QuestionsApi } from './questions-api';

/**
 * The network's answer to a consultative question — advice, severity and recommendation — recorded once:
 * on the question's own page and in live mode alike. `testIdPrefix` names its fields for the tests of each
 * place ("answer-advice", "live-answer-advice").
 */
@Component({
  selector: 'app-answer-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .full {
      width: 100%;
    }
  `,
  template: `
    @let id = testIdPrefix();
    <form [formGroup]="form" (ngSubmit)="answer()" novalidate [attr.data-testid]="id + '-form'">
      <app-error-summary [submit]="submit" />
      <mat-form-field class="full">
        <mat-label>{{ 'question.advice' | transloco }}</mat-label>
        <textarea matInput formControlName="advice" rows="4" required [attr.data-testid]="id + '-advice'"></textarea>
        <mat-error>{{ form.controls.advice | errorText }}</mat-error>
      </mat-form-field>
      <div class="form-row">
        <mat-form-field>
          <mat-label>{{ 'question.severity' | transloco }}</mat-label>
          <mat-select formControlName="severity" required [attr.data-testid]="id + '-severity'">
            @for (s of severities; track s) { <mat-option [value]="s">{{ 'enum.urgency.' + s | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'question.recommendation' | transloco }}</mat-label>
          <mat-select formControlName="recommendation" required [attr.data-testid]="id + '-recommendation'">
            @for (r of recommendations; track r) { <mat-option [value]="r">{{ 'enum.recommendation.' + r | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [disabled]="submit.busy()" [attr.data-testid]="id + '-submit'">
        {{ 'question.saveAnswer' | transloco }}
      </button>
    </form>
  `,
})
export class AnswerForm {
  private readonly api = inject(QuestionsApi);
  readonly questionId = input.required<string>();
  readonly testIdPrefix = input('answer');
  /** The answer is recorded: the page reloads the question or the meeting, which brings it. */
  readonly answered = output<void>();

  protected readonly severities = SEVERITIES;
  protected readonly recommendations = RECOMMENDATIONS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    advice: ['', [Validators.required, Validators.minLength(10)]],
    severity: ['MEDIUM' as Severity, Validators.required],
    recommendation: ['ADVICE_ONLY' as Recommendation, Validators.required],
  });
  protected readonly submit = new FormSubmit();
  private readonly formDirective = viewChild.required(FormGroupDirective);

  /** Advice typed and not yet recorded (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    return this.form.dirty && !this.submit.busy();
  }

  protected async answer(): Promise<void> {
    const ok = await this.submit.run(this.form, (submission) =>
      this.api.answer(this.questionId(), this.form.getRawValue(), submission.options),
    );
    if (!ok) return;
    // Through the directive: it forgets the submit too, so the emptied fields are not shown as errors.
    this.formDirective().resetForm();
    this.answered.emit();
  }
}
