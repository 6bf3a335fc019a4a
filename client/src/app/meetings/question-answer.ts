import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { RECOMMENDATIONS, SEVERITIES, type Recommendation, type Severity } from '@casustafel/contract/question-rules';
import type { AgendaItemView } from '@casustafel/contract/meetings';
import { AppDatePipe } from '../ui/app-date.pipe';
import { FormSubmit } from '../ui/form-submit';
import { MeetingsApi } from './meetings-api';

type AgendaQuestion = NonNullable<AgendaItemView['question']>;

/**
 * A consultative question in live mode: its situation and question, and the network's answer recorded
 * here, once — advice, severity and recommendation, as on the question's own page. Answered, it shows
 * the advice read-only.
 */
@Component({
  selector: 'app-question-answer',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe, AppDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .question { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); margin: 0 0 12px; }
    .question h3 { font: var(--mat-sys-title-small); margin: 8px 0 2px; }
    .question h3:first-child { margin-top: 0; }
    .question p { white-space: pre-wrap; margin: 0; }
    .answer { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); margin: 0 0 12px; }
    .answer p { margin: 4px 0; }
    .pre { white-space: pre-wrap; }
    .full { width: 100%; }
  `,
  template: `
    @let q = question();
    <section class="question" data-testid="live-question" [attr.aria-label]="'question.situation' | transloco">
      <h3>{{ 'question.situation' | transloco }}</h3>
      <p data-testid="live-question-situation">{{ q.situation }}</p>
      <h3>{{ 'question.question' | transloco }}</h3>
      <p data-testid="live-question-text">{{ q.question }}</p>
    </section>
    @if (q.answer; as a) {
      <section class="answer" data-testid="live-question-answer" aria-labelledby="live-answer-heading">
        <h3 id="live-answer-heading">{{ 'question.answer' | transloco }} · {{ a.answeredAt | appDate: 'dateTime' }}</h3>
        <p class="pre">{{ a.advice }}</p>
        <p>
          <strong>{{ 'question.severity' | transloco }}:</strong> {{ 'enum.urgency.' + a.severity | transloco }} ·
          <strong>{{ 'question.recommendation' | transloco }}:</strong> {{ 'enum.recommendation.' + a.recommendation | transloco }}
        </p>
      </section>
    } @else if (q.canAnswer) {
      <form [formGroup]="form" (ngSubmit)="answer()" novalidate data-testid="live-answer-form">
        <mat-form-field class="full">
          <mat-label>{{ 'question.advice' | transloco }}</mat-label>
          <textarea matInput formControlName="advice" rows="4" required data-testid="live-answer-advice"></textarea>
          <mat-error>{{ 'liveQuestion.adviceRequired' | transloco }}</mat-error>
        </mat-form-field>
        <div class="form-row">
          <mat-form-field>
            <mat-label>{{ 'question.severity' | transloco }}</mat-label>
            <mat-select formControlName="severity" required data-testid="live-answer-severity">
              @for (s of severities; track s) { <mat-option [value]="s">{{ 'enum.urgency.' + s | transloco }}</mat-option> }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'question.recommendation' | transloco }}</mat-label>
            <mat-select formControlName="recommendation" required data-testid="live-answer-recommendation">
              @for (r of recommendations; track r) { <mat-option [value]="r">{{ 'enum.recommendation.' + r | transloco }}</mat-option> }
            </mat-select>
          </mat-form-field>
        </div>
        @if (submit.error()) { <p class="error-text" role="alert">{{ submit.error() }}</p> }
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="live-answer-submit">{{ 'question.saveAnswer' | transloco }}</button>
      </form>
    }
  `,
})
export class QuestionAnswer {
  private readonly api = inject(MeetingsApi);
  readonly question = input.required<AgendaQuestion>();
  /** The answer is recorded: the page reloads the meeting, which brings the answer. */
  readonly answered = output<void>();

  protected readonly severities = SEVERITIES;
  protected readonly recommendations = RECOMMENDATIONS;
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    advice: ['', [Validators.required, Validators.minLength(10)]],
    severity: ['MEDIUM' as Severity, Validators.required],
    recommendation: ['ADVICE_ONLY' as Recommendation, Validators.required],
  });
  protected readonly submit = new FormSubmit();

  /** Typed advice not yet recorded (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    return !this.question().answer && this.form.controls.advice.value.trim() !== '';
  }

  protected async answer(): Promise<void> {
    const ok = await this.submit.run(this.form, (submission) =>
      this.api.answerQuestion(this.question().id, this.form.getRawValue(), submission.options),
    );
    if (ok) {
      this.form.reset();
      this.answered.emit();
    }
  }
}
