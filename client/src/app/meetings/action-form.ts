import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ActionView, CapacityWarning } from '@casustafel/contract/meetings';
import type { RoleView } from '@casustafel/contract/networks';
import { FormSubmit } from '../ui/form-submit';
import { todayInAmsterdam } from '../ui/amsterdam-time';
import { MeetingsApi } from './meetings-api';
import { notInPast } from '../ui/date-validators';

/** An organisation an action can be given to, with the people of it known in the network. */
export interface OwnerChoice {
  id: string;
  name: string;
}

/** People of an organisation in the network (its role holders), for the optional owning person. */
export function peopleOf(roles: readonly RoleView[], organisationId: string): { id: string; name: string }[] {
  return roles.filter((r) => r.organisation.id === organisationId).map((r) => ({ id: r.user.id, name: r.user.name }));
}

/**
 * A new action on an agenda item: what, which organisation (and optionally which person of it), and by
 * when — not before today in Amsterdam; the server's refusal of a date shows beside the date field.
 * When the organisation now carries more open actions than it said it can, the coordinator is warned
 * after adding (issue #13): the action stands, the warning is for the conversation at the table.
 */
@Component({
  selector: 'app-action-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .capacity-warning { display: flex; gap: 8px; align-items: center; padding: 8px 12px; margin: 8px 0; border-radius: 8px;
      background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
  `,
  template: `
    <form class="form-row" [formGroup]="form" (ngSubmit)="add(formDir)" #formDir="ngForm" novalidate>
      <mat-form-field>
        <mat-label>{{ 'meeting.actionWhat' | transloco }}</mat-label>
        <input matInput formControlName="description" required data-testid="action-description" />
        <mat-error>{{ form.controls.description.errors?.['server'] ?? ('meeting.actionWhatRequired' | transloco) }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'meeting.actionWho' | transloco }}</mat-label>
        <mat-select formControlName="ownerOrganisationId" required data-testid="action-owner">
          @for (o of organisations(); track o.id) { <mat-option [value]="o.id">{{ o.name }}</mat-option> }
        </mat-select>
        <mat-error>{{ form.controls.ownerOrganisationId.errors?.['server'] ?? ('meeting.actionWhoRequired' | transloco) }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'meeting.actionPerson' | transloco }}</mat-label>
        <mat-select formControlName="ownerUserId" data-testid="action-person">
          <mat-option value="">{{ 'meeting.actionNoPerson' | transloco }}</mat-option>
          @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
        </mat-select>
        @if (!ownerOrganisation()) { <mat-hint>{{ 'meeting.actionPersonHint' | transloco }}</mat-hint> }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'meeting.actionWhen' | transloco }}</mat-label>
        <input matInput type="date" [min]="today" formControlName="dueDate" required data-testid="action-due" />
        <mat-error data-testid="action-due-error">
          @if (form.controls.dueDate.errors?.['server']; as message) { {{ message }} }
          @else if (form.controls.dueDate.errors?.['dateInPast']) { {{ 'meeting.actionWhenPast' | transloco }} }
          @else { {{ 'meeting.actionWhenRequired' | transloco }} }
        </mat-error>
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="submit.busy()" data-testid="action-add">{{ 'meeting.addAction' | transloco }}</button>
    </form>
    @if (submit.error()) { <p class="error-text" role="alert" data-testid="action-error">{{ submit.error() }}</p> }
    @if (capacityWarning(); as w) {
      <p class="capacity-warning" role="status" data-testid="capacity-warning">
        {{ 'meeting.capacityWarning' | transloco: { name: w.organisation.name, open: w.open, capacity: w.capacity } }}
      </p>
    }
  `,
})
export class ActionForm {
  private readonly api = inject(MeetingsApi);
  readonly meetingId = input.required<string>();
  readonly itemId = input.required<string>();
  /** The organisations an action can go to (those at the table). */
  readonly organisations = input.required<OwnerChoice[]>();
  /** The network's role holders: the people of the chosen organisation. */
  readonly roles = input<RoleView[]>([]);
  readonly added = output<ActionView>();

  protected readonly today = todayInAmsterdam();
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    description: ['', [Validators.required, Validators.minLength(3)]],
    ownerOrganisationId: ['', Validators.required],
    ownerUserId: [''],
    dueDate: ['', [Validators.required, notInPast()]],
  });
  protected readonly submit = new FormSubmit();
  /** The owning organisation's load against its capacity, from the answer to the last action added; null when within it. */
  protected readonly capacityWarning = signal<CapacityWarning | null>(null);
  protected readonly ownerOrganisation = toSignal(this.form.controls.ownerOrganisationId.valueChanges, { initialValue: '' });
  protected readonly people = computed(() => (this.ownerOrganisation() ? peopleOf(this.roles(), this.ownerOrganisation()) : []));

  constructor() {
    // Another organisation: the person chosen before is not one of its people.
    this.form.controls.ownerOrganisationId.valueChanges.subscribe(() => this.form.controls.ownerUserId.setValue(''));
  }

  protected async add(formDir: FormGroupDirective): Promise<void> {
    const v = this.form.getRawValue();
    this.capacityWarning.set(null);
    let created: ActionView | null = null;
    const ok = await this.submit.run(this.form, async (submission) => {
      created = await this.api.addAction(
        this.meetingId(),
        this.itemId(),
        {
          description: v.description.trim(),
          ownerOrganisationId: v.ownerOrganisationId,
          ...(v.ownerUserId ? { ownerUserId: v.ownerUserId } : {}),
          dueDate: v.dueDate,
        },
        submission.options,
      );
    });
    if (!ok || !created) return;
    this.capacityWarning.set((created as ActionView).capacityWarning);
    // The next action often goes to the same organisation: keep it, clear the rest.
    formDir.resetForm({ description: '', ownerOrganisationId: v.ownerOrganisationId, ownerUserId: '', dueDate: '' });
    this.added.emit(created);
  }
}
