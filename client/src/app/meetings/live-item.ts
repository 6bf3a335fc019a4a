import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaItemView, MeetingView } from '@casustafel/contract/meetings';
import type { RoleView } from '@casustafel/contract/networks';
import { errorMessage } from '../core/api-error';
import { ActionForm, type OwnerChoice } from './action-form';
import { ActionList } from './action-list';
import { timeInAmsterdam } from '../ui/amsterdam-time';
import { MeetingsApi } from './meetings-api';
import { chooseMerge, type ItemTexts } from './merge-dialog';
import { QuestionAnswer } from './question-answer';

/** Where the item's notes and decisions stand: typed and not yet saved, being saved, saved, or failed. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed';

/** How long after the last keystroke the texts are saved. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * The current agenda item in live mode, large: a timer against its planned minutes, the case or the
 * question, notes and decisions that save themselves (1.5 s after typing stops, on leaving a field, and
 * before another item is opened), the item's actions and a form for a new one.
 *
 * A save sends the version the texts are based on; when someone else saved in between (409), a dialog
 * shows both texts and the coordinator keeps theirs, takes the server's, or merges them.
 */
@Component({
  selector: 'app-live-item',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    ActionForm,
    ActionList,
    QuestionAnswer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .current-title { font: var(--mat-sys-headline-small); margin: 0 0 4px; }
    .timer { font: var(--mat-sys-title-large); font-variant-numeric: tabular-nums; margin: 0 0 8px; }
    .timer.over { color: var(--mat-sys-error); }
    .full { width: 100%; }
    .save-line { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-height: 40px; margin: -4px 0 8px; }
    .save-state { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium); }
    .save-state.failed { color: var(--mat-sys-error); }
    .spacer { flex: 1; }
    .shortcut { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    kbd { font: inherit; padding: 0 4px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 4px; }
    h3 { margin: 16px 0 4px; }
  `,
  template: `
    @let it = item();
    <mat-card appearance="outlined">
      <mat-card-content>
        <p class="current-title" data-testid="current-item">{{ it.title }}</p>
        <p class="timer" [class.over]="it.minutes && elapsedMinutes() > it.minutes" role="timer" aria-live="off">
          {{ elapsed() }} / {{ it.minutes ?? '—' }} {{ 'meeting.minutes' | transloco }}
        </p>
        @if (it.case; as c) {
          <p><a [routerLink]="['/casussen', c.id]">{{ c.client.displayName }}</a> · {{ 'enum.caseStatus.' + c.status | transloco }}</p>
          <mat-checkbox [checked]="it.keepOnAgenda" (change)="setKeepOnAgenda($event)" [disabled]="keepBusy()" data-testid="item-keep">
            {{ 'meeting.keepOnAgenda' | transloco }}
          </mat-checkbox>
          @if (keepError()) { <p class="error-text" role="alert">{{ keepError() }}</p> }
        }
        @if (it.question; as q) {
          <app-question-answer [question]="q" (answered)="changed.emit(null)" />
        }
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.notes' | transloco }}</mat-label>
          <textarea matInput rows="4" [ngModel]="notes()" (ngModelChange)="edit('notes', $event)" (blur)="flush()" data-testid="item-notes"></textarea>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.decisions' | transloco }}</mat-label>
          <textarea matInput rows="3" [ngModel]="decisions()" (ngModelChange)="edit('decisions', $event)" (blur)="flush()" data-testid="item-decisions"></textarea>
        </mat-form-field>
        <div class="save-line">
          <span class="save-state" [class.failed]="saveState() === 'failed'" role="status" data-testid="save-state">
            @switch (saveState()) {
              @case ('dirty') { {{ 'autosave.dirty' | transloco }} }
              @case ('saving') { {{ 'autosave.saving' | transloco }} }
              @case ('failed') { {{ 'autosave.failed' | transloco }} }
              @default { @if (savedAt()) { {{ 'autosave.saved' | transloco: { time: savedAt() } }} } }
            }
          </span>
          @if (saveState() === 'failed') {
            <button mat-button type="button" (click)="flush()" data-testid="save-retry">{{ 'autosave.retry' | transloco }}</button>
          }
          <span class="spacer"></span>
          <button mat-stroked-button type="button" (click)="flush()" data-testid="item-save">{{ 'meeting.saveItem' | transloco }}</button>
          @if (hasNext()) {
            <button mat-flat-button type="button" (click)="next.emit()" aria-keyshortcuts="Alt+ArrowDown" data-testid="item-next">
              {{ 'meeting.next' | transloco }}<mat-icon iconPositionEnd>arrow_downward</mat-icon>
            </button>
          }
        </div>
        @if (hasNext()) { <p class="shortcut">{{ 'meeting.nextShortcut' | transloco }} <kbd>{{ 'meeting.altKey' | transloco }}</kbd> + <kbd>↓</kbd></p> }
        @if (saveError()) { <p class="error-text" role="alert" data-testid="save-error">{{ saveError() }}</p> }

        <h3>{{ 'meeting.actions' | transloco }}</h3>
        <app-action-list [actions]="it.actions" [canCorrect]="canCorrect()" [organisations]="organisations()" [roles]="roles()" (corrected)="changed.emit(null)" />
        <app-action-form [meetingId]="meeting().id" [itemId]="it.id" [organisations]="organisations()" [roles]="roles()" (added)="changed.emit(null)" />
      </mat-card-content>
    </mat-card>
  `,
})
export class LiveItem {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);
  readonly meeting = input.required<MeetingView>();
  readonly item = input.required<AgendaItemView>();
  /** The network's role holders (the people an action can be given to). */
  readonly roles = input<RoleView[]>([]);
  readonly canCorrect = input(false);
  readonly hasNext = input(false);
  /** Something changed: the page takes the meeting given, or reloads it (null). */
  readonly changed = output<MeetingView | null>();
  /** "Volgend punt": the page saves (flush) and opens the next item. */
  readonly next = output<void>();

  private readonly questionAnswer = viewChild(QuestionAnswer);

  protected readonly notes = signal('');
  protected readonly decisions = signal('');
  readonly saveState = signal<SaveState>('saved');
  private readonly savedAtDate = signal<Date | null>(null);
  protected readonly savedAt = computed(() => {
    const at = this.savedAtDate();
    return at ? timeInAmsterdam(at) : null;
  });
  protected readonly saveError = signal<string | null>(null);
  protected readonly keepBusy = signal(false);
  protected readonly keepError = signal<string | null>(null);
  protected readonly organisations = computed<OwnerChoice[]>(() => this.meeting().attendance.map((a) => a.organisation));

  /** The item the typed texts belong to, and the version they are based on. */
  private draftItemId: string | null = null;
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<boolean> | null = null;

  private readonly startedAt = signal(Date.now());
  private readonly now = signal(Date.now());
  protected readonly elapsedMinutes = computed(() => Math.floor((this.now() - this.startedAt()) / 60_000));
  protected readonly elapsed = computed(() => {
    const seconds = Math.max(0, Math.floor((this.now() - this.startedAt()) / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });

  constructor() {
    const clock = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(clock);
      if (this.timer) clearTimeout(this.timer);
    });
    effect(() => {
      const item = this.item();
      untracked(() => this.adopt(item));
    });
  }

  /** Typed texts not yet saved, or advice not yet recorded: the page asks before leaving. */
  hasUnsavedInput(): boolean {
    return this.saveState() !== 'saved' || (this.questionAnswer()?.hasUnsavedInput() ?? false);
  }

  /**
   * Saves what is typed now (no waiting for the pause). Resolves true when everything is saved — also
   * when nothing was typed — and false when the save failed or a conflict was left unresolved.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.saving) await this.saving;
    if (this.saveState() === 'saved') return true;
    this.saving = this.save().finally(() => (this.saving = null));
    return this.saving;
  }

  protected edit(field: keyof ItemTexts, value: string): void {
    (field === 'notes' ? this.notes : this.decisions).set(value);
    this.saveState.set('dirty');
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  protected async setKeepOnAgenda(change: MatCheckboxChange): Promise<void> {
    const keepOnAgenda = change.checked;
    // One version at a time: a running save of the texts goes first.
    if (this.saving) await this.saving;
    this.keepBusy.set(true);
    this.keepError.set(null);
    try {
      const view = await this.api.updateItem(this.meeting().id, this.item().id, { keepOnAgenda, version: this.version });
      this.version = view.agenda.find((i) => i.id === this.item().id)?.version ?? this.version;
      this.changed.emit(view);
    } catch (error) {
      // Not saved: the box shows what the server holds again.
      change.source.checked = !keepOnAgenda;
      this.keepError.set(errorMessage(error));
      this.changed.emit(null);
    } finally {
      this.keepBusy.set(false);
    }
  }

  /** A new item: start from its saved texts and its own clock. The same item again (a reload): take a newer version, keep what is typed. */
  private adopt(item: AgendaItemView): void {
    if (item.id !== this.draftItemId) {
      this.draftItemId = item.id;
      this.notes.set(item.notes);
      this.decisions.set(item.decisions);
      this.version = item.version;
      this.saveState.set('saved');
      this.savedAtDate.set(null);
      this.saveError.set(null);
      this.keepError.set(null);
      this.startedAt.set(Date.now());
      return;
    }
    if (item.version > this.version) {
      this.version = item.version;
      if (this.saveState() === 'saved') {
        this.notes.set(item.notes);
        this.decisions.set(item.decisions);
      }
    }
  }

  private async save(): Promise<boolean> {
    const itemId = this.draftItemId!;
    const texts: ItemTexts = { notes: this.notes(), decisions: this.decisions() };
    this.saveState.set('saving');
    this.saveError.set(null);
    try {
      const view = await this.api.updateItem(this.meeting().id, itemId, { ...texts, version: this.version });
      this.version = view.agenda.find((i) => i.id === itemId)?.version ?? this.version + 1;
      this.afterSave(texts);
      this.changed.emit(view);
      return true;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 409) return this.resolveConflict(itemId);
      this.saveState.set('failed');
      this.saveError.set(errorMessage(error));
      return false;
    }
  }

  /** Saved: done, unless more was typed meanwhile (then that waits for its own pause). */
  private afterSave(texts: ItemTexts): void {
    if (this.notes() !== texts.notes || this.decisions() !== texts.decisions) {
      this.saveState.set('dirty');
      this.clearTimer();
      this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
    } else {
      this.saveState.set('saved');
      this.savedAtDate.set(new Date());
    }
  }

  /** 409: someone saved this item in between. Show both texts; save the chosen one on the server's version. */
  private async resolveConflict(itemId: string): Promise<boolean> {
    let fresh: MeetingView;
    try {
      fresh = await this.api.get(this.meeting().id);
    } catch (error) {
      this.saveState.set('failed');
      this.saveError.set(errorMessage(error));
      return false;
    }
    const server = fresh.agenda.find((i) => i.id === itemId);
    if (!server) {
      this.saveState.set('failed');
      this.changed.emit(fresh);
      return false;
    }
    const chosen = await chooseMerge(this.dialog, {
      title: server.title,
      server: { notes: server.notes, decisions: server.decisions },
      mine: { notes: this.notes(), decisions: this.decisions() },
    });
    if (!chosen) {
      // Dismissed: what was typed stays, unsaved; "opnieuw proberen" opens the choice again.
      this.saveState.set('failed');
      return false;
    }
    this.version = server.version;
    this.notes.set(chosen.notes);
    this.decisions.set(chosen.decisions);
    if (chosen.notes === server.notes && chosen.decisions === server.decisions) {
      this.afterSave(chosen);
      this.changed.emit(fresh);
      return true;
    }
    return this.save();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
