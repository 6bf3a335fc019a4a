import { ChangeDetectionStrategy, Component, HostListener, inject, input, resource } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { STATUSES_NEEDING_REASON } from '@casustafel/contract/case-rules';
import type { CaseStatus } from '@casustafel/contract/enums';
import { Session } from '../core/session';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { EmptyState } from '../ui/empty-state';
import { FormSubmit } from '../ui/form-submit';
import { Loading } from '../ui/loading';
import { QuestionsApi } from '../questions/questions-api';
import { CasesApi } from './cases-api';
import { CaseTimeline } from './case-timeline';
import { CaseBetweenNetworks } from '../referrals/case-between-networks';
import { can } from '@casustafel/contract/permissions';

/** Steps that end the case's course: asked in a dialog that says what happens. */
const CONFIRMED_STATUSES: CaseStatus[] = ['CLOSED', 'DECLINED', 'REFERRED'];

/** One case, with the client at the viewer's level and why ("Waarom zie ik dit?"). */
@Component({
  selector: 'app-case-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    Loading,
    ErrorSummary,
    ErrorTextPipe,
    CaseTimeline,
    CaseBetweenNetworks,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .crumbs { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
    .network-name { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-large); }
    .grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
    @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
    .client-name { font: var(--mat-sys-headline-small); margin: 4px 0 8px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .level { display: inline-flex; gap: 6px; align-items: center; font: var(--mat-sys-label-large); color: var(--mat-sys-primary); }
    .summary { white-space: pre-wrap; }
    .feedback { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); }
    mat-expansion-panel { margin-top: 8px; }
    .history { margin-top: 16px; }
  `,
  template: `
    <div class="page">
      @if (record.isLoading() && !record.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (record.error()) {
        <app-empty-state icon="search_off" [title]="'case.notFoundTitle' | transloco" [text]="'case.notFoundText' | transloco" />
      } @else if (record.value(); as c) {
        <nav class="crumbs" [attr.aria-label]="'crumbs.label' | transloco">
          <a mat-button [routerLink]="['/netwerken', c.networkId, 'casussen']"><mat-icon>arrow_back</mat-icon>{{ 'case.back' | transloco }}</a>
          @if (networkName(c.networkId); as name) {
            <span class="network-name" data-testid="page-network">{{ 'crumbs.network' | transloco: { name: name } }}</span>
          }
        </nav>
        <h1>{{ 'case.title' | transloco: { number: c.number } }}</h1>
        <!-- Properties, not choices: a plain list (a chip set would hide them from screen readers as presentation). -->
        <ul class="properties" [attr.aria-label]="'case.properties' | transloco">
          <li data-testid="case-status">{{ 'enum.caseStatus.' + c.status | transloco }}</li>
          <li>{{ 'field.urgency' | transloco }}: {{ 'enum.urgency.' + c.urgency | transloco }}</li>
          @for (area of c.problemAreas; track area) { <li>{{ 'enum.problemArea.' + area | transloco }}</li> }
        </ul>

        <div class="grid">
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">{{ 'field.client' | transloco }}</h2>
              <span class="level"><mat-icon aria-hidden="true">visibility</mat-icon>{{ 'case.youSee' | transloco: { level: ('enum.level.' + c.client.level | transloco) } }}</span>
              <p class="client-name" data-testid="client-name">{{ c.client.displayName }}</p>
              <dl>
                @if (c.client.dateOfBirth) { <dt>{{ 'field.dateOfBirth' | transloco }}</dt><dd>{{ c.client.dateOfBirth | appDate }}</dd> }
                @if (c.client.birthYear) { <dt>{{ 'field.birthYear' | transloco }}</dt><dd>{{ c.client.birthYear }}</dd> }
                @if (c.client.street) { <dt>{{ 'field.address' | transloco }}</dt><dd>{{ c.client.street }} {{ c.client.houseNumber }}, {{ c.client.postcode }} {{ c.client.city }}</dd> }
                @else if (c.client.postcode) { <dt>{{ 'field.postcodeHouseNumber' | transloco }}</dt><dd>{{ c.client.postcode }} {{ c.client.houseNumber }}</dd> }
                @if (c.client.phone) { <dt>{{ 'field.phone' | transloco }}</dt><dd>{{ c.client.phone }}</dd> }
                <dt>{{ 'field.neighbourhood' | transloco }}</dt><dd>{{ c.client.neighbourhood }}</dd>
                <dt>{{ 'field.pseudonym' | transloco }}</dt><dd>{{ c.pseudonym }}</dd>
              </dl>
              <mat-expansion-panel>
                <mat-expansion-panel-header><mat-panel-title>{{ 'case.why' | transloco }}</mat-panel-title></mat-expansion-panel-header>
                <p data-testid="case-explanation">{{ c.explanation }}</p>
              </mat-expansion-panel>
            </mat-card-content>
          </mat-card>

          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">{{ 'case.situation' | transloco }}</h2>
              <p class="summary">{{ c.summary }}</p>
              <dl>
                <dt>{{ 'field.consent' | transloco }}</dt><dd>{{ 'enum.consent.' + c.consent | transloco }}</dd>
                @if (c.consentOverrideReason) { <dt>{{ 'field.overrideReason' | transloco }}</dt><dd>{{ c.consentOverrideReason }}</dd> }
                <dt>{{ 'field.submittedBy' | transloco }}</dt><dd>{{ c.submittedBy.organisation.name }}@if (c.submittedBy.isYou) { ({{ 'case.you' | transloco }}) }</dd>
                <dt>{{ 'field.submittedOn' | transloco }}</dt><dd>{{ c.createdAt | appDate }}</dd>
              </dl>
              @if (c.sourceQuestionId) {
                <p data-testid="source-question">
                  {{ 'case.fromQuestion' | transloco }}
                  <a [routerLink]="['/vragen', c.sourceQuestionId]">{{ sourceQuestion.value()?.title ?? ('case.openQuestion' | transloco) }}</a>
                  @if (sourceQuestion.value()?.answer; as a) { — {{ 'question.answer' | transloco }}: {{ a.advice }} }
                </p>
              }
              <div class="feedback" role="status">
                <strong>{{ 'field.status' | transloco }}: {{ 'enum.caseStatus.' + c.status | transloco }}</strong>
                @if (c.statusReason) { <p>{{ c.statusReason }}</p> }
              </div>
            </mat-card-content>
          </mat-card>
        </div>

        @if (c.allowedTransitions.length > 0) {
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">{{ 'case.decide' | transloco }}</h2>
              <form [formGroup]="statusForm" (ngSubmit)="changeStatus(statusDir)" #statusDir="ngForm" class="form-row" novalidate>
                <app-error-summary [submit]="statusSubmit" />
                <mat-form-field>
                  <mat-label>{{ 'case.newStatus' | transloco }}</mat-label>
                  <mat-select formControlName="status" required data-testid="status-select">
                    @for (s of c.allowedTransitions; track s) { <mat-option [value]="s">{{ 'enum.caseStatus.' + s | transloco }}</mat-option> }
                  </mat-select>
                  <mat-error>{{ statusForm.controls.status | errorText: { required: 'case.statusRequired' } }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'field.reason' | transloco }}</mat-label>
                  <input matInput formControlName="reason" data-testid="status-reason" />
                  <mat-hint>{{ 'case.reasonHint' | transloco }}</mat-hint>
                  <mat-error>{{ statusForm.controls.reason | errorText: { required: 'case.reasonRequired', minlength: 'case.reasonRequired' } }}</mat-error>
                </mat-form-field>
                <button mat-flat-button type="submit" [disabled]="statusSubmit.busy()" data-testid="status-submit">{{ 'case.saveStatus' | transloco }}</button>
              </form>
              <p>
                <a mat-stroked-button [href]="'/api/cases/' + c.id + '/access-report.pdf'" download><mat-icon>download</mat-icon>{{ 'case.accessReport' | transloco }}</a>
              </p>
            </mat-card-content>
          </mat-card>
        }

        @if (coordinates(c.networkId)) {
          <!-- Between networks (issue #14): refer the case, or ask whether the client is known elsewhere. Coordinator only. -->
          <app-case-between-networks [caseId]="c.id" [networkId]="c.networkId" [status]="c.status" (referred)="record.reload()" />
        }

        <section class="history" aria-labelledby="history-heading">
          <h2 id="history-heading">{{ 'timeline.title' | transloco }}</h2>
          <app-case-timeline [caseId]="c.id" [revision]="c.status + (c.statusReason ?? '')" />
        </section>
      }
    </div>
  `,
})
export class CasePage implements HoldsUnsavedInput {
  private readonly session = inject(Session);
  /** The page names its network (a user may work in several). */
  protected networkName(id: string): string {
    return this.session.networks().find((n) => n.id === id)?.name ?? '';
  }
  /** Whether the viewer may refer this network's cases and ask "known elsewhere?" (the coordinator; the server checks again). */
  protected coordinates(networkId: string): boolean {
    return can(this.session.networks().find((n) => n.id === networkId)?.role ?? null, 'case.refer');
  }
  private readonly api = inject(CasesApi);
  private readonly questionsApi = inject(QuestionsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  /** Route parameter: the case. */
  readonly id = input.required<string>();

  protected readonly record = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.get(params.id) });
  /** The consultative question this case grew out of, with its advice. */
  protected readonly sourceQuestion = resource({
    params: () => (this.record.value()?.sourceQuestionId ? { id: this.record.value()!.sourceQuestionId! } : undefined),
    loader: ({ params }) => this.questionsApi.get(params.id),
  });
  protected readonly statusForm = inject(FormBuilder).nonNullable.group({
    status: ['' as CaseStatus | '', Validators.required],
    reason: [''],
  });
  protected readonly statusSubmit = new FormSubmit();

  constructor() {
    // A reason is required for declining or referring: the submitter reads it.
    this.statusForm.controls.status.valueChanges.subscribe((status) => {
      const reason = this.statusForm.controls.reason;
      reason.setValidators(status && STATUSES_NEEDING_REASON.includes(status) ? [Validators.required, Validators.minLength(5)] : []);
      reason.updateValueAndValidity();
    });
  }

  protected async changeStatus(dir: FormGroupDirective): Promise<void> {
    const { status, reason } = this.statusForm.getRawValue();
    if (this.statusForm.valid && status && CONFIRMED_STATUSES.includes(status)) {
      const confirmed = await confirmAction(this.dialog, {
        title: this.i18n.translate(`case.confirm.${status}.title`),
        message: this.i18n.translate(`case.confirm.${status}.message`),
        confirm: this.i18n.translate(`case.confirm.${status}.confirm`),
        cancel: this.i18n.translate('action.cancel'),
      });
      if (!confirmed) return;
    }
    const ok = await this.statusSubmit.run(this.statusForm, (submission) =>
      this.api.updateStatus(
        this.id(),
        { status: status as CaseStatus, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        submission.options,
      ),
    );
    if (!ok) return;
    this.snackBar.open(this.i18n.translate('case.statusSaved'), undefined, { duration: 4000 });
    dir.resetForm({ status: '', reason: '' });
    this.record.reload();
  }

  /** A status chosen or a reason typed and not yet saved. */
  hasUnsavedInput(): boolean {
    return this.statusForm.dirty && !this.statusSubmit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }
}
