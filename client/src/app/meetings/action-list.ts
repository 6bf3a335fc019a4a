import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ActionHistoryView, ActionView } from '@casustafel/contract/meetings';
import type { RoleView } from '@casustafel/contract/networks';
import { AppDatePipe } from '../ui/app-date.pipe';
import { correctAction } from './action-correct-dialog';
import type { OwnerChoice } from './action-form';
import { isDate } from '../ui/amsterdam-time';

/** The actions of an agenda item: who, by when, the state, the corrections in their history; the coordinator corrects. */
@Component({
  selector: 'app-action-list',
  imports: [MatButtonModule, TranslocoPipe, AppDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul { list-style: none; padding: 0; margin: 0 0 8px; }
    li { padding: 6px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .line { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .line span { flex: 1 1 240px; }
    .history { margin: 2px 0 0; padding-left: 16px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
  template: `
    @if (actions().length) {
      <ul>
        @for (a of actions(); track a.id) {
          <li [attr.data-testid]="'action-row-' + a.description">
            <div class="line">
              <span>
                @if (label()) { {{ 'meeting.action' | transloco }}: }{{ a.description }} — {{ a.owner.organisation.name }}@if (a.owner.user) { ({{ a.owner.user.name }}) },
                {{ a.dueDate | appDate }} ({{ 'enum.actionStatus.' + a.status | transloco }})
              </span>
              @if (canCorrect()) {
                <button mat-button type="button" (click)="correct(a)" [attr.aria-label]="'actionCorrect.button' | transloco: { description: a.description }" data-testid="action-correct">
                  {{ 'actionCorrect.open' | transloco }}
                </button>
              }
            </div>
            @for (h of corrections(a.history); track $index) {
              <p class="history" data-testid="action-correction">
                {{ h.at | appDate: 'dateTime' }}@if (h.by) { · {{ h.by }} } · {{ 'actionCorrect.corrected' | transloco }}:
                @for (c of h.corrected; track c.field) {
                  {{ 'actionCorrect.field.' + c.field | transloco }}
                  {{ isDate(c.from) ? (c.from | appDate) : c.from }} → {{ isDate(c.to) ? (c.to | appDate) : c.to }}@if (!$last) {; }
                }
              </p>
            }
          </li>
        }
      </ul>
    }
  `,
})
export class ActionList {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  readonly actions = input.required<ActionView[]>();
  /** Prefix each line with "Actie:" (in the agenda, among notes and decisions). */
  readonly label = input(false);
  readonly canCorrect = input(false);
  readonly organisations = input<OwnerChoice[]>([]);
  readonly roles = input<RoleView[]>([]);
  readonly corrected = output<ActionView>();
  protected readonly isDate = isDate;

  protected corrections(history: ActionHistoryView[]): ActionHistoryView[] {
    return history.filter((h) => h.kind === 'CORRECTION' && h.corrected.length > 0);
  }

  protected async correct(action: ActionView): Promise<void> {
    const organisations = this.organisations().some((o) => o.id === action.owner.organisation.id)
      ? this.organisations()
      : [action.owner.organisation, ...this.organisations()];
    const updated = await correctAction(this.dialog, { action, organisations, roles: this.roles() });
    if (!updated) return;
    this.corrected.emit(updated);
    // A new owner beyond the capacity it recorded (issue #13): the coordinator is told; the correction stands.
    const w = updated.capacityWarning;
    if (w)
      this.snackBar.open(
        this.i18n.translate('meeting.capacityWarning', { name: w.organisation.name, open: w.open, capacity: w.capacity }),
        this.i18n.translate('action.close'),
        { duration: 10000 },
      );
  }
}
