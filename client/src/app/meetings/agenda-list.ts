import { CdkDrag, CdkDragHandle, CdkDropList, type CdkDragDrop } from '@angular/cdk/drag-drop';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AgendaItemView, MeetingView } from '@casustafel/contract/meetings';
import { errorMessage } from '../core/api-error';
import { confirmAction } from '../ui/confirm-dialog';
import { newSubmission } from '../ui/form-submit';
import { ActionList } from './action-list';
import { MeetingsApi } from './meetings-api';

/** Cards drawn with the page: more than a phone's first screen shows (the page head fills most of it). */
const DRAWN_FIRST = 3;

/**
 * The agenda outside live mode: partners read it beforehand; the coordinator orders it (drag, or the
 * arrow buttons and the handle's arrow keys — the moved item keeps the focus), plans minutes per item
 * against the meeting's duration, removes and adds items.
 */
@Component({
  selector: 'app-agenda-list',
  imports: [
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    ActionList,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
    .head .spacer { flex: 1; }
    .item-card h3 { margin: 0 0 4px; }
    .cdk-drag-preview { box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
    .handle { cursor: grab; }
    .hint { color: var(--mat-sys-on-surface-variant); }
    .minutes-field { width: 110px; }
    .pre { white-space: pre-wrap; }
    .planned { font: var(--mat-sys-title-small); }
    .planned.over { color: var(--mat-sys-error); }
    .keep { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
  template: `
    @let m = meeting();
    <h2>{{ 'meeting.agenda' | transloco }}</h2>
    @if (m.agenda.length) {
      <p class="planned" [class.over]="overPlanned() > 0" data-testid="agenda-planned">
        {{ 'meeting.plannedOf' | transloco: { planned: plannedMinutes(), duration: m.durationMinutes } }}
        @if (overPlanned() > 0) { — {{ 'meeting.overPlanned' | transloco: { minutes: overPlanned() } }} }
      </p>
    }
    @if (editable()) { <p class="hint">{{ 'meeting.dragHint' | transloco }}</p> }
    <div cdkDropList [cdkDropListDisabled]="!editable()" (cdkDropListDropped)="drop($event)">
      @for (item of drawnItems(); track item.id) {
        <mat-card appearance="outlined" class="item-card" cdkDrag [cdkDragData]="item" [attr.data-item]="item.id">
          <mat-card-content>
            <div class="head">
              @if (editable()) {
                <button mat-icon-button type="button" cdkDragHandle class="handle" [attr.data-handle]="item.id"
                  [attr.aria-label]="'meeting.handle' | transloco: { title: item.title, position: item.position + 1, count: m.agenda.length }"
                  (keydown.arrowup)="$event.preventDefault(); move(item, -1)" (keydown.arrowdown)="$event.preventDefault(); move(item, 1)">
                  <mat-icon>drag_indicator</mat-icon>
                </button>
              }
              <h3>{{ item.position + 1 }}. {{ item.title }}</h3>
              <span class="spacer"></span>
              @if (editable()) {
                <mat-form-field subscriptSizing="dynamic" class="minutes-field">
                  <mat-label>{{ 'meeting.plannedMinutes' | transloco }}</mat-label>
                  <input matInput type="number" min="1" max="240" [ngModel]="item.minutes" (change)="setMinutes(item, $any($event.target).value)" />
                </mat-form-field>
                <button mat-icon-button type="button" (click)="move(item, -1)" [disabled]="item.position === 0" [attr.aria-label]="'meeting.up' | transloco: { title: item.title }"><mat-icon>arrow_upward</mat-icon></button>
                <button mat-icon-button type="button" (click)="move(item, 1)" [disabled]="item.position === m.agenda.length - 1" [attr.aria-label]="'meeting.down' | transloco: { title: item.title }"><mat-icon>arrow_downward</mat-icon></button>
                <button mat-icon-button type="button" (click)="remove(item)" [attr.aria-label]="'meeting.remove' | transloco: { title: item.title }"><mat-icon>delete</mat-icon></button>
              } @else if (item.minutes) {
                <span>{{ item.minutes }} {{ 'meeting.minutes' | transloco }}</span>
              }
            </div>
            @if (item.case; as c) {
              <p><a [routerLink]="['/casussen', c.id]">{{ c.client.displayName }}</a> · {{ 'enum.caseStatus.' + c.status | transloco }}</p>
              <p class="pre">{{ c.summary }}</p>
              @if (item.keepOnAgenda) { <p class="keep">{{ 'meeting.keptOnAgenda' | transloco }}</p> }
            }
            @if (item.question; as q) {
              <p class="pre"><strong>{{ 'question.question' | transloco }}:</strong> {{ q.question }}</p>
            }
            @if (item.notes) { <p class="pre"><strong>{{ 'meeting.notes' | transloco }}:</strong> {{ item.notes }}</p> }
            @if (item.decisions) { <p class="pre"><strong>{{ 'meeting.decisions' | transloco }}:</strong> {{ item.decisions }}</p> }
            <app-action-list [actions]="item.actions" [label]="true" />
          </mat-card-content>
        </mat-card>
      }
    </div>
    @if (editable()) {
      <form class="form-row" (ngSubmit)="addItem()">
        <mat-form-field>
          <mat-label>{{ 'meeting.newItem' | transloco }}</mat-label>
          <input matInput name="newItem" [(ngModel)]="newItemTitle" data-testid="agenda-new-item" />
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="adding()">{{ 'meeting.addItem' | transloco }}</button>
      </form>
    }
    @if (error()) { <p class="error-text" role="alert" data-testid="agenda-error">{{ error() }}</p> }
  `,
})
export class AgendaList {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  readonly meeting = input.required<MeetingView>();
  /** The coordinator, before the meeting is closed. */
  readonly editable = input(false);
  /** The meeting as the server returned it after a change, or null to reload it. */
  readonly changed = output<MeetingView | null>();

  /**
   * A long agenda is drawn a card per task after the first few (ADR 0031): a card with its Material fields and
   * buttons costs the browser a few milliseconds, forty of them in one task held the page up for a second on a phone.
   * The count only grows, so a card once drawn stays while the meeting changes.
   */
  private readonly drawn = signal(DRAWN_FIRST);
  protected readonly drawnItems = computed(() => {
    const agenda = this.meeting().agenda;
    return agenda.length <= this.drawn() ? agenda : agenda.slice(0, this.drawn());
  });
  protected readonly plannedMinutes = computed(() => this.meeting().agenda.reduce((sum, i) => sum + (i.minutes ?? 0), 0));
  protected readonly overPlanned = computed(() => this.plannedMinutes() - this.meeting().durationMinutes);
  protected readonly error = signal<string | null>(null);
  protected readonly adding = signal(false);
  protected newItemTitle = '';

  constructor() {
    effect((onCleanup) => {
      const drawn = this.drawn();
      if (drawn >= this.meeting().agenda.length) return;
      const next = setTimeout(() => this.drawn.set(drawn + 1));
      onCleanup(() => clearTimeout(next));
    });
  }

  /** A new item's title typed and not added (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    return this.newItemTitle.trim() !== '';
  }

  protected async move(item: AgendaItemView, by: number): Promise<void> {
    const position = item.position + by;
    if (position < 0 || position >= this.meeting().agenda.length) return;
    await this.moveTo(item, position);
  }

  /** Drag and drop does the same as the arrow buttons and the handle's arrow keys. */
  protected async drop(event: CdkDragDrop<unknown, unknown, AgendaItemView>): Promise<void> {
    if (event.currentIndex === event.previousIndex) return;
    await this.moveTo(event.item.data, event.currentIndex);
  }

  protected async setMinutes(item: AgendaItemView, value: string): Promise<void> {
    const minutes = Number(value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) return;
    await this.run(() => this.api.updateItem(this.meeting().id, item.id, { minutes, version: item.version }));
  }

  protected async remove(item: AgendaItemView): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.translate('meeting.removeTitle'),
      message: this.i18n.translate('meeting.removeText', { title: item.title }),
      confirm: this.i18n.translate('action.remove'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!ok) return;
    await this.run(async () => {
      await this.api.removeItem(this.meeting().id, item.id);
      return null;
    });
  }

  protected async addItem(): Promise<void> {
    const title = this.newItemTitle.trim();
    if (!title || this.adding()) return;
    this.adding.set(true);
    const added = await this.run(() => this.api.addItem(this.meeting().id, { kind: 'OTHER', title }, newSubmission().options));
    this.adding.set(false);
    if (added) this.newItemTitle = '';
  }

  /** After the move the moved item's handle has the focus again, wherever the item went (WCAG 2.4.3). */
  private async moveTo(item: AgendaItemView, position: number): Promise<void> {
    const moved = await this.run(() => this.api.updateItem(this.meeting().id, item.id, { position, version: item.version }));
    if (!moved) return;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-handle="${item.id}"]`)?.focus(), {
      injector: this.injector,
    });
  }

  private async run(change: () => Promise<MeetingView | null>): Promise<boolean> {
    this.error.set(null);
    try {
      this.changed.emit(await change());
      return true;
    } catch (error) {
      this.error.set(errorMessage(error));
      this.changed.emit(null);
      return false;
    }
  }
}
