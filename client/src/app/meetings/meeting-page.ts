import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  linkedSignal,
  resource,
  signal,
} from '@angular/core';
import { CdkDrag, CdkDropList, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { FormsModule, NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@casustafel/contract/meeting-rules';
import type { AgendaItemView } from '@casustafel/contract/meetings';
import { errorMessage } from '../core/api-error';
import { NetworksApi } from '../networks/networks-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { Loading } from '../ui/loading';
import { MeetingsApi } from './meetings-api';
import { MinutesPanel } from './minutes-panel';

interface AttendanceRow {
  organisationId: string;
  name: string;
  status: AttendanceStatus | null;
  userIds: string[];
}

/**
 * One meeting. Partners read the agenda beforehand (pre-read); the coordinator builds the agenda,
 * marks attendance and runs the meeting in live mode: the current item large, a timer against its
 * planned minutes, notes, decisions and actions in a few keystrokes.
 */
@Component({
  selector: 'app-meeting-page',
  imports: [
    CdkDropList,
    CdkDrag,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    Loading,
    MinutesPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .head { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    .head .spacer { flex: 1; }
    .live { display: grid; grid-template-columns: minmax(220px, 1fr) minmax(0, 2fr); gap: 16px; align-items: start; }
    @media (max-width: 900px) { .live { grid-template-columns: 1fr; } }
    ol.agenda { list-style: none; padding: 0; margin: 0; }
    ol.agenda li { display: flex; align-items: center; gap: 4px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    ol.agenda li button.pick { flex: 1; text-align: left; background: none; border: 0; padding: 10px 8px; font: inherit; color: inherit; cursor: pointer; }
    ol.agenda li.current { background: var(--mat-sys-secondary-container); }
    .current-title { font: var(--mat-sys-headline-small); margin: 0 0 4px; }
    .timer { font: var(--mat-sys-title-large); font-variant-numeric: tabular-nums; }
    .timer.over { color: var(--mat-sys-error); }
    .full { width: 100%; }
    .level { color: var(--mat-sys-primary); font: var(--mat-sys-label-large); }
    .item-card h3 { margin: 0 0 4px; }
    .item-card[cdkDrag] { cursor: grab; }
    .cdk-drag-preview { box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
    .hint { color: var(--mat-sys-on-surface-variant); }
    .minutes-field { width: 110px; }
    .pre { white-space: pre-wrap; }
    .guest-banner { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .guest-banner p { margin: 0; flex: 1 1 320px; }
    table.attendance { width: 100%; border-collapse: collapse; }
    table.attendance th, table.attendance td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    table.attendance mat-form-field { width: 100%; }
  `,
  template: `
    <div class="page">
      @if (meeting.isLoading() && !meeting.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (meeting.error()) {
        <app-empty-state icon="search_off" [title]="'meeting.notFoundTitle' | transloco" [text]="'meeting.notFoundText' | transloco" />
      } @else if (meeting.value(); as m) {
        <a mat-button [routerLink]="['/netwerken', m.networkId, 'overleggen']"><mat-icon>arrow_back</mat-icon>{{ 'meeting.back' | transloco }}</a>
        <div class="head">
          <h1>{{ 'meeting.title' | transloco: { date: (m.startsAt | appDate: 'dateTime') } }}</h1>
          <span class="spacer"></span>
          <strong data-testid="meeting-status">{{ 'enum.meetingStatus.' + m.status | transloco }}</strong>
          @if (m.canManage) {
            @if (m.status === 'PLANNED') { <button mat-flat-button type="button" (click)="step('start')" data-testid="meeting-start">{{ 'meeting.start' | transloco }}</button> }
            @if (m.status === 'IN_PROGRESS') { <button mat-flat-button type="button" (click)="step('close')" data-testid="meeting-close">{{ 'meeting.close' | transloco }}</button> }
            @if (m.status === 'CLOSED' && !m.locked) { <button mat-stroked-button type="button" (click)="step('reopen')">{{ 'meeting.reopen' | transloco }}</button> }
          }
        </div>
        <p class="lead">
          {{ m.durationMinutes }} {{ 'meeting.minutes' | transloco }}@if (m.location) { · {{ m.location }} }
          @if (m.onlineUrl) { · <a [href]="m.onlineUrl" rel="noopener" target="_blank">{{ 'meeting.online' | transloco }}</a> }
        </p>
        @if (m.guest && !m.guest.confidentialityValid) {
          <div class="guest-banner" role="status" data-testid="guest-banner">
            <p>{{ 'meeting.guestStatement' | transloco }}</p>
            <button mat-flat-button type="button" (click)="acceptAsGuest()">{{ 'confidentiality.accept' | transloco }}</button>
          </div>
        }
        <p class="level" role="status">{{ (m.meetingLevel ? 'meeting.levelMeeting' : 'meeting.levelDossier') | transloco }}</p>
        @if (error()) { <p class="error-text" role="alert" data-testid="meeting-error">{{ error() }} <button mat-button type="button" (click)="reload()">{{ 'meeting.reload' | transloco }}</button></p> }

        @if (m.canManage && m.status !== 'CLOSED') {
          <p>
            <button mat-stroked-button type="button" (click)="assemble()" data-testid="agenda-assemble"><mat-icon>auto_awesome</mat-icon>{{ 'meeting.assemble' | transloco }}</button>
          </p>
        }

        @if (m.agenda.length === 0) {
          <app-empty-state icon="list" [title]="'meeting.emptyTitle' | transloco" [text]="(m.canManage ? 'meeting.emptyManage' : 'meeting.emptyRead') | transloco" />
        } @else if (m.canManage && m.status === 'IN_PROGRESS') {
          <div class="live" data-testid="live-mode">
            <nav [attr.aria-label]="'meeting.agenda' | transloco">
              <ol class="agenda">
                @for (item of m.agenda; track item.id) {
                  <li [class.current]="item.id === current()?.id">
                    <button class="pick" type="button" (click)="select(item)" [attr.aria-current]="item.id === current()?.id ? 'step' : null">{{ item.position + 1 }}. {{ item.title }}</button>
                  </li>
                }
              </ol>
            </nav>
            @if (current(); as item) {
              <mat-card appearance="outlined">
                <mat-card-content>
                  <p class="current-title" data-testid="current-item">{{ item.title }}</p>
                  <p class="timer" [class.over]="item.minutes && elapsedMinutes() > item.minutes" role="timer" aria-live="off">
                    {{ elapsed() }} / {{ item.minutes ?? '—' }} {{ 'meeting.minutes' | transloco }}
                  </p>
                  @if (item.case; as c) {
                    <p><a [routerLink]="['/casussen', c.id]">{{ c.client.displayName }}</a> · {{ 'enum.caseStatus.' + c.status | transloco }}</p>
                  }
                  <mat-form-field class="full">
                    <mat-label>{{ 'meeting.notes' | transloco }}</mat-label>
                    <textarea matInput rows="4" [ngModel]="notes()" (ngModelChange)="notes.set($event)" data-testid="item-notes"></textarea>
                  </mat-form-field>
                  <mat-form-field class="full">
                    <mat-label>{{ 'meeting.decisions' | transloco }}</mat-label>
                    <textarea matInput rows="3" [ngModel]="decisions()" (ngModelChange)="decisions.set($event)" data-testid="item-decisions"></textarea>
                  </mat-form-field>
                  <button mat-flat-button type="button" (click)="saveItem(item)" data-testid="item-save">{{ 'meeting.saveItem' | transloco }}</button>

                  <h3>{{ 'meeting.actions' | transloco }}</h3>
                  @for (a of item.actions; track a.id) {
                    <p>{{ a.description }} — {{ a.owner.organisation.name }}, {{ a.dueDate | appDate }} ({{ 'enum.actionStatus.' + a.status | transloco }})</p>
                  }
                  <form class="form-row" (ngSubmit)="addAction(item, actionForm)" #actionForm="ngForm">
                    <mat-form-field>
                      <mat-label>{{ 'meeting.actionWhat' | transloco }}</mat-label>
                      <input matInput name="actionDescription" [(ngModel)]="actionDescription" required data-testid="action-description" />
                    </mat-form-field>
                    <mat-form-field>
                      <mat-label>{{ 'meeting.actionWho' | transloco }}</mat-label>
                      <mat-select name="actionOwner" [(ngModel)]="actionOwner" required data-testid="action-owner">
                        @for (row of m.attendance; track row.organisation.id) { <mat-option [value]="row.organisation.id">{{ row.organisation.name }}</mat-option> }
                      </mat-select>
                    </mat-form-field>
                    <mat-form-field>
                      <mat-label>{{ 'meeting.actionWhen' | transloco }}</mat-label>
                      <input matInput type="date" name="actionDue" [(ngModel)]="actionDue" required data-testid="action-due" />
                    </mat-form-field>
                    <button mat-stroked-button type="submit" data-testid="action-add">{{ 'meeting.addAction' | transloco }}</button>
                  </form>
                </mat-card-content>
              </mat-card>
            }
          </div>
        } @else {
          <h2>{{ 'meeting.agenda' | transloco }}</h2>
          @if (m.canManage && m.status !== 'CLOSED') { <p class="hint">{{ 'meeting.dragHint' | transloco }}</p> }
          <div cdkDropList [cdkDropListDisabled]="!m.canManage || m.status === 'CLOSED'" (cdkDropListDropped)="drop($event)">
          @for (item of m.agenda; track item.id) {
            <mat-card appearance="outlined" class="item-card" cdkDrag [cdkDragData]="item">
              <mat-card-content>
                <div class="head">
                  <h3>{{ item.position + 1 }}. {{ item.title }}</h3>
                  <span class="spacer"></span>
                  @if (m.canManage && m.status !== 'CLOSED') {
                    <mat-form-field subscriptSizing="dynamic" class="minutes-field">
                      <mat-label>{{ 'meeting.plannedMinutes' | transloco }}</mat-label>
                      <input matInput type="number" min="1" max="240" [ngModel]="item.minutes" (change)="setMinutes(item, $any($event.target).value)" />
                    </mat-form-field>
                  } @else if (item.minutes) {
                    <span>{{ item.minutes }} {{ 'meeting.minutes' | transloco }}</span>
                  }
                  @if (m.canManage && m.status !== 'CLOSED') {
                    <button mat-icon-button type="button" (click)="move(item, -1)" [disabled]="item.position === 0" [attr.aria-label]="'meeting.up' | transloco: { title: item.title }"><mat-icon>arrow_upward</mat-icon></button>
                    <button mat-icon-button type="button" (click)="move(item, 1)" [disabled]="item.position === m.agenda.length - 1" [attr.aria-label]="'meeting.down' | transloco: { title: item.title }"><mat-icon>arrow_downward</mat-icon></button>
                    <button mat-icon-button type="button" (click)="remove(item)" [attr.aria-label]="'meeting.remove' | transloco: { title: item.title }"><mat-icon>delete</mat-icon></button>
                  }
                </div>
                @if (item.case; as c) {
                  <p><a [routerLink]="['/casussen', c.id]">{{ c.client.displayName }}</a> · {{ 'enum.caseStatus.' + c.status | transloco }}</p>
                  <p class="pre">{{ c.summary }}</p>
                }
                @if (item.notes) { <p class="pre"><strong>{{ 'meeting.notes' | transloco }}:</strong> {{ item.notes }}</p> }
                @if (item.decisions) { <p class="pre"><strong>{{ 'meeting.decisions' | transloco }}:</strong> {{ item.decisions }}</p> }
                @for (a of item.actions; track a.id) {
                  <p>{{ 'meeting.action' | transloco }}: {{ a.description }} — {{ a.owner.organisation.name }}, {{ a.dueDate | appDate }} ({{ 'enum.actionStatus.' + a.status | transloco }})</p>
                }
              </mat-card-content>
            </mat-card>
          }
          </div>
        }

        @if (m.canManage && m.status !== 'CLOSED') {
          <form class="form-row" (ngSubmit)="addItem()">
            <mat-form-field>
              <mat-label>{{ 'meeting.newItem' | transloco }}</mat-label>
              <input matInput name="newItem" [(ngModel)]="newItemTitle" />
            </mat-form-field>
            <button mat-stroked-button type="submit">{{ 'meeting.addItem' | transloco }}</button>
          </form>
        }

        @if (m.canManage && m.status !== 'CLOSED') {
          <h2>{{ 'meeting.guests' | transloco }}</h2>
          @for (g of m.guests; track g.user.id) {
            <p>{{ g.user.name }}: {{ titlesOf(g.itemIds) }}</p>
          }
          <form class="form-row" (ngSubmit)="invite()">
            <mat-form-field>
              <mat-label>{{ 'meeting.guestEmail' | transloco }}</mat-label>
              <input matInput type="email" name="guestEmail" [(ngModel)]="guestEmail" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'meeting.guestItems' | transloco }}</mat-label>
              <mat-select multiple name="guestItems" [(ngModel)]="guestItems">
                @for (item of m.agenda; track item.id) { <mat-option [value]="item.id">{{ item.title }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <button mat-stroked-button type="submit">{{ 'meeting.invite' | transloco }}</button>
          </form>
        }

        <app-minutes-panel [meetingId]="m.id" />

        <h2>{{ 'meeting.attendance' | transloco }}</h2>
        <table class="attendance" data-testid="attendance">
          <caption class="visually-hidden">{{ 'meeting.attendance' | transloco }}</caption>
          <thead><tr><th scope="col">{{ 'field.organisation' | transloco }}</th><th scope="col">{{ 'field.status' | transloco }}</th><th scope="col">{{ 'meeting.present' | transloco }}</th></tr></thead>
          <tbody>
            @for (row of attendanceRows(); track row.organisationId) {
              <tr>
                <th scope="row">{{ row.name }}</th>
                <td>
                  @if (m.canManage && !m.locked) {
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-select [aria-label]="('meeting.statusOf' | transloco: { name: row.name })" [(ngModel)]="row.status" [attr.data-testid]="'attendance-' + row.name">
                        @for (s of attendanceStatuses; track s) { <mat-option [value]="s">{{ 'enum.attendance.' + s | transloco }}</mat-option> }
                      </mat-select>
                    </mat-form-field>
                  } @else {
                    {{ row.status ? ('enum.attendance.' + row.status | transloco) : '—' }}
                  }
                </td>
                <td>
                  @if (m.canManage && !m.locked) {
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-select multiple [aria-label]="('meeting.peopleOf' | transloco: { name: row.name })" [(ngModel)]="row.userIds" [disabled]="row.status !== 'PRESENT'" [attr.data-testid]="'people-' + row.name">
                        @for (p of peopleOf(row.organisationId); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
                      </mat-select>
                    </mat-form-field>
                  } @else {
                    {{ namesOf(row) }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
 @if (m.canManage && !m.locked) {
          <p><button mat-stroked-button type="button" (click)="saveAttendance()" data-testid="attendance-save">{{ 'meeting.saveAttendance' | transloco }}</button></p>
        }
      }
    </div>
  `,
})
export class MeetingPage {
  private readonly api = inject(MeetingsApi);
  private readonly networksApi = inject(NetworksApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  /** Route parameter: the meeting. */
  readonly id = input.required<string>();

  protected readonly attendanceStatuses = ATTENDANCE_STATUSES;
  protected readonly meeting = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.get(params.id) });
  private readonly roles = resource({
    params: () => (this.meeting.value()?.canManage ? { id: this.meeting.value()!.networkId } : undefined),
    loader: ({ params }) => this.networksApi.roles(params.id),
  });
  protected readonly error = signal<string | null>(null);

  protected readonly attendanceRows = linkedSignal<AttendanceRow[]>(() =>
    (this.meeting.value()?.attendance ?? []).map((a) => ({
      organisationId: a.organisation.id,
      name: a.organisation.name,
      status: a.status,
      userIds: a.people.map((p) => p.id),
    })),
  );

  private readonly currentId = signal<string | null>(null);
  protected readonly current = computed<AgendaItemView | null>(() => {
    const agenda = this.meeting.value()?.agenda ?? [];
    return agenda.find((i) => i.id === this.currentId()) ?? agenda[0] ?? null;
  });
  protected readonly notes = linkedSignal(() => this.current()?.notes ?? '');
  protected readonly decisions = linkedSignal(() => this.current()?.decisions ?? '');
  protected actionDescription = '';
  protected actionOwner = '';
  protected actionDue = '';
  protected newItemTitle = '';
  protected guestEmail = '';
  protected guestItems: string[] = [];

  private readonly itemStartedAt = signal(Date.now());
  private readonly now = signal(Date.now());
  protected readonly elapsedMinutes = computed(() => Math.floor((this.now() - this.itemStartedAt()) / 60_000));
  protected readonly elapsed = computed(() => {
    const seconds = Math.max(0, Math.floor((this.now() - this.itemStartedAt()) / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    // A new current item starts its own clock.
    effect(() => {
      this.current();
      this.itemStartedAt.set(Date.now());
    });
  }

  protected peopleOf(organisationId: string): { id: string; name: string }[] {
    return (this.roles.value() ?? [])
      .filter((r) => r.organisation.id === organisationId)
      .map((r) => ({ id: r.user.id, name: r.user.name }));
  }

  protected namesOf(row: AttendanceRow): string {
    return (this.meeting.value()?.attendance.find((a) => a.organisation.id === row.organisationId)?.people ?? [])
      .map((p) => p.name)
      .join(', ');
  }

  protected select(item: AgendaItemView): void {
    this.currentId.set(item.id);
  }

  protected reload(): void {
    this.error.set(null);
    this.meeting.reload();
  }

  protected async step(step: 'start' | 'close' | 'reopen'): Promise<void> {
    await this.run(() => this.api.step(this.id(), step));
  }

  protected async assemble(): Promise<void> {
    await this.run(() => this.api.assemble(this.id()));
  }

  protected async addItem(): Promise<void> {
    if (!this.newItemTitle.trim()) return;
    await this.run(() => this.api.addItem(this.id(), { kind: 'OTHER', title: this.newItemTitle.trim() }));
    this.newItemTitle = '';
  }

  protected async move(item: AgendaItemView, by: number): Promise<void> {
    await this.run(() => this.api.updateItem(this.id(), item.id, { position: item.position + by, version: item.version }));
  }

  /** Drag and drop does the same as the arrow buttons (which are the keyboard way). */
  protected async drop(event: CdkDragDrop<unknown, unknown, AgendaItemView>): Promise<void> {
    const item = event.item.data;
    if (event.currentIndex === event.previousIndex) return;
    await this.run(() => this.api.updateItem(this.id(), item.id, { position: event.currentIndex, version: item.version }));
  }

  protected async setMinutes(item: AgendaItemView, value: string): Promise<void> {
    const minutes = Number(value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) return;
    await this.run(() => this.api.updateItem(this.id(), item.id, { minutes, version: item.version }));
  }

  protected async remove(item: AgendaItemView): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.translate('meeting.removeTitle'),
      message: this.i18n.translate('meeting.removeText', { title: item.title }),
      confirm: this.i18n.translate('action.remove'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (ok) await this.run(() => this.api.removeItem(this.id(), item.id));
  }

  protected async saveItem(item: AgendaItemView): Promise<void> {
    await this.run(() =>
      this.api.updateItem(this.id(), item.id, { notes: this.notes(), decisions: this.decisions(), version: item.version }),
    );
  }

  protected async addAction(item: AgendaItemView, form: NgForm): Promise<void> {
    await this.run(() =>
      this.api.addAction(this.id(), item.id, {
        description: this.actionDescription,
        ownerOrganisationId: this.actionOwner,
        dueDate: this.actionDue,
      }),
    );
    if (!this.error()) form.resetForm({ actionDescription: '', actionOwner: this.actionOwner, actionDue: '' });
  }

  protected titlesOf(itemIds: string[]): string {
    return (this.meeting.value()?.agenda ?? [])
      .filter((i) => itemIds.includes(i.id))
      .map((i) => i.title)
      .join(', ');
  }

  protected async invite(): Promise<void> {
    await this.run(async () => {
      const guest = await this.api.findGuest(this.id(), this.guestEmail.trim());
      await this.api.inviteGuest(this.id(), guest.id, this.guestItems);
    });
    if (!this.error()) {
      this.guestEmail = '';
      this.guestItems = [];
    }
  }

  protected async acceptAsGuest(): Promise<void> {
    await this.run(() => this.api.acceptAsGuest(this.id()));
  }

  protected async saveAttendance(): Promise<void> {
    const attendance = this.attendanceRows()
      .filter((r) => r.status)
      .map((r) => ({ organisationId: r.organisationId, status: r.status!, userIds: r.status === 'PRESENT' ? r.userIds : [] }));
    await this.run(() => this.api.attendance(this.id(), { attendance }));
  }

  /** Runs a change and reloads; a stale version (409) says so and offers to reload. */
  private async run(change: () => Promise<unknown>): Promise<void> {
    this.error.set(null);
    try {
      await change();
      this.meeting.reload();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
