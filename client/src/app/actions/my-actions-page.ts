import { ChangeDetectionStrategy, Component, HostListener, inject, resource, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NOT_DONE_REASONS, type ActionStatus, type NotDoneReason } from '@casustafel/contract/meeting-rules';
import type { ActionView } from '@casustafel/contract/meetings';
import { errorMessage } from '../core/api-error';
import { isDate } from '../ui/amsterdam-time';
import { MeetingsApi } from '../meetings/meetings-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { ResourceState } from '../ui/resource-state';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';

/** "Mijn acties": the actions of the user's organisation in all their networks, overdue first. */
@Component({
  selector: 'app-my-actions-page',
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
    ResourceState,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-card.overdue { border-left: 6px solid var(--mat-sys-error); }
    .overdue-label { color: var(--mat-sys-error); font-weight: 500; }
    .meta { color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .not-done { margin-top: 12px; }
    .feed { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); word-break: break-all; }
  `,
  template: `
    <div class="page">
      <h1>{{ 'actions.title' | transloco }}</h1>
      <p class="lead">{{ 'actions.lead' | transloco }}</p>
      <app-resource-state [resource]="actions" [empty]="(actions.value() ?? []).length === 0" emptyIcon="task_alt"
        [emptyTitle]="'actions.emptyTitle' | transloco" [emptyText]="'actions.emptyText' | transloco">
        @for (a of actions.value() ?? []; track a.id) {
          <mat-card appearance="outlined" [class.overdue]="a.overdue" [attr.data-testid]="'action-' + a.description">
            <mat-card-content>
              <strong>{{ a.description }}</strong>
              <p class="meta">
                {{ a.networkName }}@if (a.case) { · {{ a.case.label }} } · {{ 'actions.due' | transloco }} {{ a.dueDate | appDate }}
                @if (a.overdue) { · <span class="overdue-label">{{ 'actions.overdue' | transloco }}</span> }
                · {{ 'enum.actionStatus.' + a.status | transloco }}
              </p>
              @if (a.canUpdate && (a.status === 'OPEN' || a.status === 'IN_PROGRESS')) {
                <div class="buttons">
                  @if (a.status === 'OPEN') { <button mat-stroked-button type="button" (click)="set(a, 'IN_PROGRESS')">{{ 'actions.start' | transloco }}</button> }
                  <button mat-flat-button type="button" (click)="set(a, 'DONE')" data-testid="action-done">{{ 'actions.done' | transloco }}</button>
                  <button mat-button type="button" (click)="openNotDone(a)" [attr.aria-expanded]="notDoneFor() === a.id" data-testid="action-not-done">{{ 'actions.notDone' | transloco }}</button>
                </div>
                @if (notDoneFor() === a.id) {
                  <form class="not-done" [formGroup]="notDoneForm" (ngSubmit)="notDone(a)" novalidate>
                    <app-error-summary [submit]="notDoneSubmit" />
                    <div class="form-row">
                      <mat-form-field>
                        <mat-label>{{ 'actions.reason' | transloco }}</mat-label>
                        <mat-select formControlName="reason" required data-testid="not-done-reason">
                          @for (r of reasons; track r) { <mat-option [value]="r">{{ 'enum.notDoneReason.' + r | transloco }}</mat-option> }
                        </mat-select>
                        <mat-error>{{ notDoneForm.controls.reason | errorText: { required: 'actions.reasonRequired' } }}</mat-error>
                      </mat-form-field>
                      <mat-form-field>
                        <mat-label>{{ 'actions.note' | transloco }}</mat-label>
                        <input matInput formControlName="note" required data-testid="not-done-note" />
                        <mat-error>{{ notDoneForm.controls.note | errorText: { required: 'actions.noteRequired', minlength: 'actions.noteRequired' } }}</mat-error>
                      </mat-form-field>
                    </div>
                    <div class="buttons">
                      <button mat-flat-button type="submit" [disabled]="notDoneSubmit.busy()" data-testid="not-done-save">{{ 'actions.save' | transloco }}</button>
                      <button mat-button type="button" (click)="closeNotDone()">{{ 'action.cancel' | transloco }}</button>
                    </div>
                  </form>
                }
              }
              @if (errorFor() === a.id && error()) {
                <p class="error-text" role="alert">{{ error() }}</p>
              }
              <mat-expansion-panel>
                <mat-expansion-panel-header><mat-panel-title>{{ 'actions.history' | transloco }}</mat-panel-title></mat-expansion-panel-header>
                @for (h of a.history; track $index) {
                  @if (h.kind === 'CORRECTION') {
                    <p>
                      {{ h.at | appDate: 'dateTime' }} · {{ h.by ?? '' }} · {{ 'actionCorrect.corrected' | transloco }}:
                      @for (c of h.corrected; track c.field) {
                        {{ 'actionCorrect.field.' + c.field | transloco }} {{ isDate(c.from) ? (c.from | appDate) : c.from }} → {{ isDate(c.to) ? (c.to | appDate) : c.to }}@if (!$last) {; }
                      }
                    </p>
                  } @else {
                    <p>{{ h.at | appDate: 'dateTime' }} · {{ h.by ?? '' }} · {{ 'enum.actionStatus.' + h.status | transloco }}@if (h.note) { — {{ h.note }} }</p>
                  }
                }
              </mat-expansion-panel>
              @if (a.meetingId) { <p><a [routerLink]="['/overleggen', a.meetingId]">{{ 'actions.toMeeting' | transloco }}</a></p> }
            </mat-card-content>
          </mat-card>
        }
      </app-resource-state>

      <h2>{{ 'actions.calendar' | transloco }}</h2>
      <p>{{ 'actions.calendarText' | transloco }}</p>
      <button mat-stroked-button type="button" (click)="newFeed()"><mat-icon>calendar_month</mat-icon>{{ 'actions.calendarButton' | transloco }}</button>
      @if (feedUrl()) { <p class="feed" data-testid="calendar-url">{{ feedUrl() }}</p> }
    </div>
  `,
})
export class MyActionsPage implements HoldsUnsavedInput {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  protected readonly reasons = NOT_DONE_REASONS;
  protected readonly isDate = isDate;
  protected readonly actions = resource({ loader: () => this.api.myActions() });
  protected readonly notDoneFor = signal<string | null>(null);
  protected readonly errorFor = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly feedUrl = signal<string | null>(null);
  protected readonly notDoneForm = inject(FormBuilder).nonNullable.group({
    reason: ['' as NotDoneReason | '', Validators.required],
    note: ['', [Validators.required, Validators.minLength(5)]],
  });
  protected readonly notDoneSubmit = new FormSubmit();

  protected async set(action: ActionView, status: ActionStatus): Promise<void> {
    await this.update(action, { status, version: action.version });
  }

  protected openNotDone(action: ActionView): void {
    if (this.notDoneFor() !== action.id) this.closeNotDone();
    this.notDoneFor.set(action.id);
  }

  protected closeNotDone(): void {
    this.notDoneFor.set(null);
    this.notDoneForm.reset({ reason: '', note: '' });
    this.notDoneSubmit.clear();
  }

  /** "Niet gedaan" cannot be undone by the partner: the reason is asked, then a confirmation that says so. */
  protected async notDone(action: ActionView): Promise<void> {
    if (this.notDoneForm.valid) {
      const confirmed = await confirmAction(this.dialog, {
        title: this.i18n.translate('actions.notDoneTitle'),
        message: this.i18n.translate('actions.notDoneText', {
          reason: this.i18n.translate(`enum.notDoneReason.${this.notDoneForm.controls.reason.value}`),
        }),
        confirm: this.i18n.translate('actions.notDoneConfirm'),
        cancel: this.i18n.translate('action.cancel'),
      });
      if (!confirmed) return;
    }
    const { reason, note } = this.notDoneForm.getRawValue();
    // A PATCH with the action's version: a repeat is refused as stale, so it needs no idempotency key.
    const ok = await this.notDoneSubmit.run(this.notDoneForm, () =>
      this.api.updateAction(action.id, { status: 'NOT_DONE', notDoneReason: reason || undefined, note, version: action.version }),
    );
    if (!ok) return;
    this.closeNotDone();
    this.actions.reload();
  }

  /** A reason being typed for "Niet gedaan". */
  hasUnsavedInput(): boolean {
    return this.notDoneFor() !== null && this.notDoneForm.dirty && !this.notDoneSubmit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  protected async newFeed(): Promise<void> {
    const { url } = await this.api.calendarToken();
    this.feedUrl.set(new URL(url, location.origin).toString());
  }

  private async update(action: ActionView, dto: Parameters<MeetingsApi['updateAction']>[1]): Promise<void> {
    this.error.set(null);
    this.errorFor.set(action.id);
    try {
      await this.api.updateAction(action.id, dto);
      this.actions.reload();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
