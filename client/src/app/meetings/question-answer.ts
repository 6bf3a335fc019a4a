import { ChangeDetectionStrategy, Component, input, output, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaItemView } from '@casustafel/contract/meetings';
import { AnswerForm } from '../questions/answer-form';
import { AppDatePipe } from '../ui/app-date.pipe';

type AgendaQuestion = NonNullable<AgendaItemView['question']>;

/**
 * A consultative question in live mode: its situation and question, and the network's answer recorded
 * here, once — advice, severity and recommendation, as on the question's own page. Answered, it shows
 * the advice read-only.
 */
@Component({
  selector: 'app-question-answer',
  imports: [TranslocoPipe, AppDatePipe, AnswerForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .question { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); margin: 0 0 12px; }
    .question h3 { font: var(--mat-sys-title-small); margin: 8px 0 2px; }
    .question h3:first-child { margin-top: 0; }
    .question p { white-space: pre-wrap; margin: 0; }
    .answer { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); margin: 0 0 12px; }
    .answer p { margin: 4px 0; }
    .pre { white-space: pre-wrap; }
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
      <app-answer-form [questionId]="q.id" testIdPrefix="live-answer" (answered)="answered.emit()" />
    }
  `,
})
export class QuestionAnswer {
  readonly question = input.required<AgendaQuestion>();
  /** The answer is recorded: the page reloads the meeting, which brings the answer. */
  readonly answered = output<void>();
  private readonly form = viewChild(AnswerForm);

  /** Typed advice not yet recorded (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    return this.form()?.hasUnsavedInput() ?? false;
  }
}
