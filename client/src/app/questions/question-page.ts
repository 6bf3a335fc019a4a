import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, HostListener, inject, input, resource, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { URGENCIES, type Urgency } from '@casustafel/contract/enums';
import type { IdentifyingFinding } from '@casustafel/contract/question-rules';
import { errorMessage } from '../core/api-error';
import { Session } from '../core/session';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { notInFuture } from '../ui/date-validators';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { Loading } from '../ui/loading';
import { MarkedText } from '../ui/marked-text';
import { AnswerForm } from './answer-form';
import { QuestionsApi } from './questions-api';

/** One question: the situation, the network's answer, the thread, and what the viewer may do next. */
@Component({
  selector: 'app-question-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    Loading,
    MarkedText,
    ErrorSummary,
    ErrorTextPipe,
    AnswerForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .crumbs { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
    .network-name { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-large); }
    .answer { padding: 16px; border-radius: 12px; background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .answer h3 { margin-top: 0; }
    .thread { display: flex; flex-direction: column; gap: 8px; margin: 8px 0 16px; }
    .message { padding: 8px 12px; border-radius: 12px; max-width: 80%; background: var(--mat-sys-surface-container); }
    .message.coordinator { align-self: flex-start; }
    .message.asker { align-self: flex-end; background: var(--mat-sys-secondary-container); }
    .message small { display: block; color: var(--mat-sys-on-surface-variant); }
    .full { width: 100%; }
    p.pre { white-space: pre-wrap; }
  `,
  template: `
    <div class="page">
      @if (record.isLoading() && !record.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (record.error()) {
        <app-empty-state icon="search_off" [title]="'question.notFoundTitle' | transloco" [text]="'question.notFoundText' | transloco" />
      } @else if (record.value(); as q) {
        <nav class="crumbs" [attr.aria-label]="'crumbs.label' | transloco">
          <a mat-button [routerLink]="['/netwerken', q.networkId, 'vragen']"><mat-icon>arrow_back</mat-icon>{{ 'question.back' | transloco }}</a>
          @if (networkName(q.networkId); as name) {
            <span class="network-name" data-testid="page-network">{{ 'crumbs.network' | transloco: { name: name } }}</span>
          }
        </nav>
        <h1>{{ q.title }}</h1>
        <ul class="properties" [attr.aria-label]="'question.properties' | transloco">
          <li data-testid="question-status">{{ 'enum.questionStatus.' + q.status | transloco }}</li>
          <li>{{ 'question.askedBy' | transloco: { who: q.submittedBy.label } }}</li>
          @if (q.ageBand) { <li>{{ 'enum.ageBand.' + q.ageBand | transloco }}</li> }
          @if (q.neighbourhood) { <li>{{ q.neighbourhood }}</li> }
        </ul>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">{{ 'question.situation' | transloco }}</h2>
            <p class="pre">{{ q.situation }}</p>
            <h2 class="card-title">{{ 'question.question' | transloco }}</h2>
            <p class="pre">{{ q.question }}</p>
            <p><small>{{ q.createdAt | appDate }}</small></p>
          </mat-card-content>
        </mat-card>

        @if (q.answer; as a) {
          <section class="answer" data-testid="question-answer" aria-labelledby="answer-heading">
            <h3 id="answer-heading">{{ 'question.answer' | transloco }}</h3>
            <p class="pre">{{ a.advice }}</p>
            <p><strong>{{ 'question.severity' | transloco }}:</strong> {{ 'enum.urgency.' + a.severity | transloco }} ·
              <strong>{{ 'question.recommendation' | transloco }}:</strong> {{ 'enum.recommendation.' + a.recommendation | transloco }}</p>
          </section>
        }
        @if (q.convertedCaseId) {
          <p><a mat-stroked-button [routerLink]="['/casussen', q.convertedCaseId]">{{ 'question.openCase' | transloco }}</a></p>
        }

        @if (q.messages.length > 0 || q.can.message) {
          <h2>{{ 'question.thread' | transloco }}</h2>
          <div class="thread" data-testid="question-thread">
            @for (m of q.messages; track m.id) {
              <div class="message" [class.coordinator]="m.fromCoordinator" [class.asker]="!m.fromCoordinator">
                <small>{{ m.author?.name }} · {{ m.author?.organisation }} · {{ m.createdAt | appDate: 'dateTime' }}</small>
                <span class="pre">{{ m.text }}</span>
              </div>
            }
          </div>
          @if (q.can.message) {
            <form [formGroup]="messageForm" (ngSubmit)="send(messageDir)" #messageDir="ngForm" novalidate>
              <app-error-summary [submit]="messageSubmit" />
              <mat-form-field class="full">
                <mat-label>{{ (q.can.answer ? 'question.askReaction' : 'question.reply') | transloco }}</mat-label>
                <textarea matInput formControlName="text" rows="3" required data-testid="message-text"></textarea>
                <mat-error>{{ messageForm.controls.text | errorText }}</mat-error>
              </mat-form-field>
              @if (messageFindings().length > 0) { <app-marked-text [text]="messageForm.controls.text.value" [findings]="messageFindings()" /> }
              <button mat-stroked-button type="submit" [disabled]="messageSubmit.busy()" data-testid="message-submit">{{ 'question.send' | transloco }}</button>
            </form>
          }
        }

        @if (q.can.answer) {
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">{{ 'question.giveAnswer' | transloco }}</h2>
              <app-answer-form [questionId]="id()" (answered)="record.reload()" />
            </mat-card-content>
          </mat-card>
        }

        <!-- Offered only when the network's answer recommends bringing the question in as a case. -->
        @if (q.can.convert && q.answer?.recommendation === 'BRING_IN_AS_CASE_WITH_CONSENT') {
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">{{ 'question.convertTitle' | transloco }}</h2>
              <p>{{ 'question.convertText' | transloco }}</p>
              <form [formGroup]="convertForm" (ngSubmit)="convert()" novalidate>
                <app-error-summary [submit]="convertSubmit" />
                <div class="form-row" formGroupName="client">
                  <mat-form-field><mat-label>{{ 'field.givenName' | transloco }}</mat-label><input matInput formControlName="givenName" required /><mat-error>{{ convertForm.controls.client.controls.givenName | errorText }}</mat-error></mat-form-field>
                  <mat-form-field><mat-label>{{ 'field.surname' | transloco }}</mat-label><input matInput formControlName="surname" required /><mat-error>{{ convertForm.controls.client.controls.surname | errorText }}</mat-error></mat-form-field>
                  <mat-form-field><mat-label>{{ 'field.dateOfBirth' | transloco }}</mat-label><input matInput type="date" formControlName="dateOfBirth" required /><mat-error>{{ convertForm.controls.client.controls.dateOfBirth | errorText }}</mat-error></mat-form-field>
                  <mat-form-field><mat-label>{{ 'field.street' | transloco }}</mat-label><input matInput formControlName="street" required /><mat-error>{{ convertForm.controls.client.controls.street | errorText }}</mat-error></mat-form-field>
                  <mat-form-field><mat-label>{{ 'field.houseNumber' | transloco }}</mat-label><input matInput formControlName="houseNumber" required /><mat-error>{{ convertForm.controls.client.controls.houseNumber | errorText }}</mat-error></mat-form-field>
                  <mat-form-field><mat-label>{{ 'field.postcode' | transloco }}</mat-label><input matInput formControlName="postcode" required /><mat-error>{{ convertForm.controls.client.controls.postcode | errorText: { pattern: 'intake.postcodeInvalid' } }}</mat-error></mat-form-field>
                  <mat-form-field><mat-label>{{ 'field.city' | transloco }}</mat-label><input matInput formControlName="city" required /><mat-error>{{ convertForm.controls.client.controls.city | errorText }}</mat-error></mat-form-field>
                </div>
                <div class="form-row">
                  <mat-form-field>
                    <mat-label>{{ 'field.urgency' | transloco }}</mat-label>
                    <mat-select formControlName="urgency" required>
                      @for (u of urgencies; track u) { <mat-option [value]="u">{{ 'enum.urgency.' + u | transloco }}</mat-option> }
                    </mat-select>
                  </mat-form-field>
                </div>
                <mat-checkbox id="convert-consent" formControlName="consent"
                  [attr.aria-describedby]="convertForm.controls.consent.touched && convertForm.controls.consent.invalid ? 'convert-consent-error' : null">
                  {{ 'question.consentGiven' | transloco }}
                </mat-checkbox>
                @if (convertForm.controls.consent.touched && convertForm.controls.consent.invalid) {
                  <p class="error-text" id="convert-consent-error" data-error-for="convert-consent" [attr.data-error-label]="'field.consent' | transloco">
                    {{ 'question.consentRequired' | transloco }}
                  </p>
                }
                <button mat-flat-button type="submit" [disabled]="convertSubmit.busy()" data-testid="convert-submit">{{ 'question.convert' | transloco }}</button>
              </form>
            </mat-card-content>
          </mat-card>
        }

        @if (q.can.withdraw) {
          <p><button mat-button type="button" (click)="withdraw()">{{ 'question.withdraw' | transloco }}</button></p>
        }
      }
    </div>
  `,
})
export class QuestionPage implements HoldsUnsavedInput {
  private readonly session = inject(Session);
  /** The page names its network (a user may work in several). */
  protected networkName(id: string): string {
    return this.session.networks().find((n) => n.id === id)?.name ?? '';
  }
  private readonly api = inject(QuestionsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  /** Route parameter: the question. */
  readonly id = input.required<string>();

  protected readonly urgencies = URGENCIES;
  protected readonly record = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.get(params.id) });

  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly answerForm = viewChild(AnswerForm);
  protected readonly messageForm = this.fb.group({ text: ['', [Validators.required, Validators.minLength(2)]] });
  protected readonly convertForm = this.fb.group({
    client: this.fb.group({
      givenName: ['', Validators.required],
      surname: ['', Validators.required],
      dateOfBirth: ['', [Validators.required, notInFuture]],
      street: ['', Validators.required],
      houseNumber: ['', Validators.required],
      postcode: ['', [Validators.required, Validators.pattern(/^[1-9]\d{3}\s?[A-Za-z]{2}$/)]],
      city: ['', Validators.required],
    }),
    urgency: ['MEDIUM' as Urgency, Validators.required],
    consent: [false, Validators.requiredTrue],
  });
  protected readonly messageSubmit = new FormSubmit();
  protected readonly convertSubmit = new FormSubmit();
  protected readonly messageFindings = signal<IdentifyingFinding[]>([]);

  protected async send(dir: FormGroupDirective): Promise<void> {
    this.messageFindings.set([]);
    const text = this.messageForm.controls.text.value;
    const ok = await this.messageSubmit.run(this.messageForm, async (submission) => {
      try {
        await this.api.message(this.id(), text, submission.options);
      } catch (error) {
        if (error instanceof HttpErrorResponse && error.status === 422) this.messageFindings.set(error.error?.findings ?? []);
        throw error;
      }
    });
    if (!ok) return;
    dir.resetForm({ text: '' });
    this.record.reload();
  }

  /** A message, an answer or a client's identity typed and not yet sent. */
  hasUnsavedInput(): boolean {
    const forms = [this.messageForm, this.convertForm];
    const typed = forms.some((form) => form.dirty) && ![this.messageSubmit, this.convertSubmit].some((s) => s.busy());
    return typed || (this.answerForm()?.hasUnsavedInput() ?? false);
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  protected async convert(): Promise<void> {
    const value = this.convertForm.getRawValue();
    let caseId = '';
    const ok = await this.convertSubmit.run(this.convertForm, async (submission) => {
      caseId = (await this.api.convert(this.id(), { client: value.client, consent: 'GIVEN', urgency: value.urgency }, submission.options))
        .id;
    });
    if (!ok) return;
    this.convertForm.markAsPristine();
    await this.router.navigate(['/casussen', caseId]);
  }

  protected async withdraw(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('question.withdrawTitle'),
      message: this.i18n.translate('question.withdrawText'),
      confirm: this.i18n.translate('question.withdraw'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    try {
      await this.api.withdraw(this.id());
    } catch (error) {
      this.messageSubmit.fail(errorMessage(error));
    }
    this.record.reload();
  }
}
