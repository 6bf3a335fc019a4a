import { ChangeDetectionStrategy, Component, computed, HostListener, inject, input, resource, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AgendaItemView, MeetingView } from '@casustafel/contract/meetings';
import { can, type AccessRole } from '@casustafel/contract/permissions';
import { errorMessage } from '../core/api-error';
import { Session } from '../core/session';
import { NetworksApi } from '../networks/networks-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { Loading } from '../ui/loading';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { AgendaList } from './agenda-list';
import { AttendanceTable } from './attendance-table';
import { askCancelReason } from './cancel-meeting-dialog';
import { changeMeeting } from './change-meeting-dialog';
import { GuestInvites } from './guest-invites';
import { LiveItem } from './live-item';
import { MeetingsApi } from './meetings-api';
import { MinutesPanel } from './minutes-panel';

type Step = 'start' | 'close' | 'reopen';

/**
 * One meeting. Partners read the agenda beforehand (pre-read); the coordinator builds the agenda,
 * marks attendance and runs the meeting in live mode: the current item large, a timer against its
 * planned minutes, notes and decisions that save themselves, actions in a few keystrokes. The page
 * composes the agenda, the live item, attendance, guests and the minutes; it holds the meeting.
 */
@Component({
  selector: 'app-meeting-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    Loading,
    AgendaList,
    AttendanceTable,
    GuestInvites,
    LiveItem,
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
    .level { color: var(--mat-sys-primary); font: var(--mat-sys-label-large); }
    .cancelled { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .guest-banner { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .guest-banner p { margin: 0; flex: 1 1 320px; }
  `,
  template: `
    <div class="page">
      @if (meeting.isLoading() && !view()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (meeting.error()) {
        <app-empty-state icon="search_off" [title]="'meeting.notFoundTitle' | transloco" [text]="'meeting.notFoundText' | transloco" />
      } @else if (view(); as m) {
        <a mat-button [routerLink]="['/netwerken', m.networkId, 'overleggen']"><mat-icon>arrow_back</mat-icon>{{ 'meeting.back' | transloco }}</a>
        <div class="head">
          <h1>{{ 'meeting.title' | transloco: { date: (m.startsAt | appDate: 'dateTime') } }}</h1>
          <span class="spacer"></span>
          <strong data-testid="meeting-status">{{ 'enum.meetingStatus.' + m.status | transloco }}</strong>
          @if (m.canManage) {
            @if (m.status === 'PLANNED') { <button mat-flat-button type="button" (click)="step('start')" [disabled]="busy()" data-testid="meeting-start">{{ 'meeting.start' | transloco }}</button> }
            @if (m.status === 'IN_PROGRESS') { <button mat-flat-button type="button" (click)="step('close')" [disabled]="busy()" data-testid="meeting-close">{{ 'meeting.close' | transloco }}</button> }
            @if (m.status === 'CLOSED' && !m.locked) { <button mat-stroked-button type="button" (click)="step('reopen')" [disabled]="busy()">{{ 'meeting.reopen' | transloco }}</button> }
          }
          @if (m.status === 'PLANNED' && can(role(), 'meeting.plan')) {
            <button mat-stroked-button type="button" (click)="changeMeeting(m)" [disabled]="busy()" data-testid="meeting-change">{{ 'meetingChange.button' | transloco }}</button>
          }
          @if (m.status === 'PLANNED' && can(role(), 'meeting.cancel')) {
            <button mat-stroked-button type="button" (click)="cancelMeeting()" [disabled]="busy()" data-testid="meeting-cancel">{{ 'meetingCancel.button' | transloco }}</button>
          }
        </div>
        <p class="lead">
          {{ m.durationMinutes }} {{ 'meeting.minutes' | transloco }}@if (m.location) { · {{ m.location }} }
          @if (m.onlineUrl) { · <a [href]="m.onlineUrl" rel="noopener" target="_blank">{{ 'meeting.online' | transloco }}</a> }
        </p>
        @if (m.status === 'CANCELLED') {
          <p class="cancelled" role="status" data-testid="meeting-cancelled">{{ 'meetingCancel.cancelled' | transloco: { reason: m.cancelledReason ?? '' } }}</p>
        }
        @if (m.guest && !m.guest.confidentialityValid) {
          <div class="guest-banner" role="status" data-testid="guest-banner">
            <p>{{ 'meeting.guestStatement' | transloco }}</p>
            <button mat-flat-button type="button" (click)="acceptAsGuest()">{{ 'confidentiality.accept' | transloco }}</button>
          </div>
        }
        <p class="level" role="status">{{ (m.meetingLevel ? 'meeting.levelMeeting' : 'meeting.levelDossier') | transloco }}</p>
        @if (error()) { <p class="error-text" role="alert" data-testid="meeting-error">{{ error() }} <button mat-button type="button" (click)="reload()">{{ 'meeting.reload' | transloco }}</button></p> }

        @if (m.canManage && editableAgenda()) {
          <p>
            <button mat-stroked-button type="button" (click)="assemble()" [disabled]="busy()" data-testid="agenda-assemble"><mat-icon>auto_awesome</mat-icon>{{ 'meeting.assemble' | transloco }}</button>
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
              <app-live-item
                [meeting]="m"
                [item]="item"
                [roles]="people()"
                [canCorrect]="can(role(), 'action.correct')"
                [hasNext]="nextItem() !== null"
                (changed)="apply($event)"
                (next)="goToNext()"
              />
            }
          </div>
        } @else {
          <app-agenda-list [meeting]="m" [editable]="m.canManage && editableAgenda()" (changed)="apply($event)" />
        }

        @if (m.canManage && editableAgenda()) {
          <app-guest-invites [meeting]="m" (changed)="apply($event)" />
        }

        <app-minutes-panel [meetingId]="m.id" [meetingStatus]="m.status" [viewerAbsent]="viewerAbsent()" />

        @if (m.status !== 'CANCELLED') {
          <app-attendance-table [meeting]="m" [roles]="people()" [editable]="m.canManage && !m.locked" (changed)="apply($event)" />
        }
      }
    </div>
  `,
})
export class MeetingPage implements HoldsUnsavedInput {
  /** What the viewer may do, from the one access table (contract/permissions.ts) that the API enforces. */
  protected readonly can = can;
  private readonly api = inject(MeetingsApi);
  private readonly networksApi = inject(NetworksApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  /** Route parameter: the meeting. */
  readonly id = input.required<string>();

  protected readonly meeting = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.get(params.id) });
  /** The meeting, or undefined while loading or after an error (reading a failed resource's value throws). */
  protected readonly view = computed(() => (this.meeting.hasValue() ? this.meeting.value() : undefined));
  /** Loaded once per network, not again with every change of the meeting. */
  private readonly managedNetworkId = computed(() => (this.view()?.canManage ? this.view()!.networkId : undefined));
  protected readonly roles = resource({
    params: () => {
      const id = this.managedNetworkId();
      return id ? { id } : undefined;
    },
    loader: ({ params }) => this.networksApi.roles(params.id),
  });
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The network's role holders (the coordinator's view): people to mark present and to give actions to. */
  protected readonly people = computed(() => (this.roles.hasValue() ? this.roles.value() : []));
  private readonly liveItem = viewChild(LiveItem);
  private readonly guestInvites = viewChild(GuestInvites);
  private readonly agendaList = viewChild(AgendaList);
  private readonly attendanceTable = viewChild(AttendanceTable);
  private readonly minutesPanel = viewChild(MinutesPanel);

  /** The viewer's role for this meeting: their role in its network, or guest. */
  protected readonly role = computed<AccessRole | null>(() => {
    const m = this.view();
    if (!m) return null;
    if (m.guest) return 'GUEST';
    return this.session.networks().find((n) => n.id === m.networkId)?.role ?? null;
  });
  protected readonly editableAgenda = computed(() => {
    const status = this.view()?.status;
    return status === 'PLANNED' || status === 'IN_PROGRESS';
  });
  /** The viewer's organisation was not present at this meeting (absent or excused). */
  protected readonly viewerAbsent = computed(() => {
    const organisationId = this.session.me()?.organisation.id;
    const row = this.view()?.attendance.find((a) => a.organisation.id === organisationId);
    return !!row && row.status !== null && row.status !== 'PRESENT';
  });

  private readonly currentId = signal<string | null>(null);
  protected readonly current = computed<AgendaItemView | null>(() => {
    const agenda = this.view()?.agenda ?? [];
    return agenda.find((i) => i.id === this.currentId()) ?? agenda[0] ?? null;
  });
  protected readonly nextItem = computed<AgendaItemView | null>(() => {
    const agenda = this.view()?.agenda ?? [];
    const index = agenda.findIndex((i) => i.id === this.current()?.id);
    return index >= 0 ? (agenda[index + 1] ?? null) : null;
  });

  /** Anything typed or marked on this page and not saved: the route guard and the browser ask before it is lost. */
  hasUnsavedInput(): boolean {
    return [this.liveItem(), this.agendaList(), this.guestInvites(), this.attendanceTable(), this.minutesPanel()].some(
      (part) => part?.hasUnsavedInput() ?? false,
    );
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  /** Alt+↓ in live mode: save and go to the next item (the button "Volgend punt" says so). */
  @HostListener('document:keydown', ['$event'])
  protected shortcut(event: KeyboardEvent): void {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'arrowdown' && this.liveItem()) {
      event.preventDefault();
      void this.goToNext();
    }
  }

  /** Another item: what was typed on this one is saved first; if that fails, the item stays open. */
  protected async select(item: AgendaItemView): Promise<void> {
    if (item.id === this.current()?.id) return;
    const live = this.liveItem();
    if (live && !(await live.flush())) return;
    this.currentId.set(item.id);
  }

  protected async goToNext(): Promise<void> {
    const next = this.nextItem();
    if (next) await this.select(next);
  }

  /** A part changed the meeting: take the server's answer, or load it again. */
  protected apply(view: MeetingView | null): void {
    if (view) this.meeting.set(view);
    else this.meeting.reload();
  }

  protected reload(): void {
    this.error.set(null);
    this.meeting.reload();
  }

  protected async step(step: Step): Promise<void> {
    if (step === 'close') {
      // Nothing typed stays behind in the closed meeting.
      const live = this.liveItem();
      if (live && !(await live.flush())) return;
      const ok = await confirmAction(this.dialog, {
        title: this.i18n.translate('meeting.closeTitle'),
        message: this.i18n.translate('meeting.closeText'),
        confirm: this.i18n.translate('meeting.close'),
        cancel: this.i18n.translate('action.cancel'),
      });
      if (!ok) return;
    }
    await this.run(() => this.api.step(this.id(), step));
  }

  /** Moved or changed in the dialog (which shows its own errors): the page takes the answer and says who hears of it. */
  protected async changeMeeting(meeting: MeetingView): Promise<void> {
    const changed = await changeMeeting(this.dialog, meeting);
    if (!changed) return;
    this.error.set(null);
    this.apply(changed);
    this.snackBar.open(this.i18n.translate('meetingChange.done'), this.i18n.translate('action.close'), { duration: 8000 });
  }

  protected async cancelMeeting(): Promise<void> {
    const reason = await askCancelReason(this.dialog);
    if (reason) await this.run(() => this.api.cancel(this.id(), { reason }));
  }

  protected async assemble(): Promise<void> {
    await this.run(() => this.api.assemble(this.id()));
  }

  protected async acceptAsGuest(): Promise<void> {
    await this.run(async () => {
      await this.api.acceptAsGuest(this.id());
      return null;
    });
  }

  /** Runs a change and shows its result; a failure says why and offers to reload. */
  private async run(change: () => Promise<MeetingView | null>): Promise<void> {
    this.error.set(null);
    this.busy.set(true);
    try {
      this.apply(await change());
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
