import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
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
import { isDate } from '../meetings/amsterdam-time';
import { MeetingsApi } from '../meetings/meetings-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { ResourceState } from '../ui/resource-state';

/** "Mijn acties": the actions of the user's organisation in all their networks, overdue first. */
@Component({
  selector: 'app-my-actions-page',
  imports: [
    FormsModule,
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-card.overdue { border-left: 6px solid var(--mat-sys-error); }
    .overdue-label { color: var(--mat-sys-error); font-weight: 500; }
    .meta { color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
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
                  <button mat-button type="button" (click)="notDoneFor.set(a.id)" data-testid="action-not-done">{{ 'actions.notDone' | transloco }}</button>
                </div>
                @if (notDoneFor() === a.id) {
                  <form class="form-row" (ngSubmit)="notDone(a)">
                    <mat-form-field>
                      <mat-label>{{ 'actions.reason' | transloco }}</mat-label>
                      <mat-select name="reason" [(ngModel)]="reason" required data-testid="not-done-reason">
                        @for (r of reasons; track r) { <mat-option [value]="r">{{ 'enum.notDoneReason.' + r | transloco }}</mat-option> }
                      </mat-select>
                    </mat-form-field>
                    <mat-form-field>
                      <mat-label>{{ 'actions.note' | transloco }}</mat-label>
                      <input matInput name="note" [(ngModel)]="note" required data-testid="not-done-note" />
                    </mat-form-field>
                    <button mat-stroked-button type="submit" data-testid="not-done-save">{{ 'actions.save' | transloco }}</button>
                  </form>
                }
              }
              @if (errorFor() === a.id && error()) {
                <p class="error-text" role="alert">{{ error() }} <button mat-button type="button" (click)="actions.reload()">{{ 'meeting.reload' | transloco }}</button></p>
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
export class MyActionsPage {
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
  protected reason: NotDoneReason | '' = '';
  protected note = '';

  protected async set(action: ActionView, status: ActionStatus): Promise<void> {
    await this.update(action, { status, version: action.version });
  }

  /** "Niet gedaan" closes the action: the dialog says so, and with which reason, before anything is sent. */
  protected async notDone(action: ActionView): Promise<void> {
    this.errorFor.set(action.id);
    if (!this.reason) {
      this.error.set(this.i18n.translate('actions.reasonRequired'));
      return;
    }
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.translate('actions.notDoneTitle'),
      message: this.i18n.translate('actions.notDoneText', { reason: this.i18n.translate(`enum.notDoneReason.${this.reason}`) }),
      confirm: this.i18n.translate('actions.notDoneConfirm'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!ok) return;
    await this.update(action, { status: 'NOT_DONE', notDoneReason: this.reason, note: this.note, version: action.version });
    if (!this.error()) this.notDoneFor.set(null);
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
