import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { ActionView, UpdateActionDto } from '@casustafel/contract/meetings';
import type { RoleView } from '@casustafel/contract/networks';
import { FormSubmit } from '../ui/form-submit';
import { peopleOf, type OwnerChoice } from './action-form';
import { todayInAmsterdam } from '../ui/amsterdam-time';
import { MeetingsApi } from './meetings-api';
import { notInPast } from '../ui/date-validators';

export interface CorrectActionData {
  action: ActionView;
  organisations: OwnerChoice[];
  roles: RoleView[];
}

/**
 * The coordinator corrects an action: its description, due date, owning organisation and person. Only
 * what changed is sent, with the version; the history keeps each correction with its before and after.
 */
@Component({
  selector: 'app-action-correct-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .full { width: 100%; }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'actionCorrect.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p>{{ 'actionCorrect.text' | transloco }}</p>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.actionWhat' | transloco }}</mat-label>
          <input matInput formControlName="description" required data-testid="correct-description" />
          <mat-error>{{ form.controls.description.errors?.['server'] ?? ('meeting.actionWhatRequired' | transloco) }}</mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.actionWhen' | transloco }}</mat-label>
          <input matInput type="date" [min]="today" formControlName="dueDate" required data-testid="correct-due" />
          <mat-error>
            @if (form.controls.dueDate.errors?.['server']; as message) { {{ message }} }
            @else if (form.controls.dueDate.errors?.['dateInPast']) { {{ 'meeting.actionWhenPast' | transloco }} }
            @else { {{ 'meeting.actionWhenRequired' | transloco }} }
          </mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.actionWho' | transloco }}</mat-label>
          <mat-select formControlName="ownerOrganisationId" required data-testid="correct-owner">
            @for (o of data.organisations; track o.id) { <mat-option [value]="o.id">{{ o.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.actionPerson' | transloco }}</mat-label>
          <mat-select formControlName="ownerUserId" data-testid="correct-person">
            <mat-option value="">{{ 'meeting.actionNoPerson' | transloco }}</mat-option>
            @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        @if (submit.error()) { <p class="error-text" role="alert">{{ submit.error() }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'action.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="correct-save">{{ 'actionCorrect.save' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ActionCorrectDialog {
  private readonly api = inject(MeetingsApi);
  protected readonly data = inject<CorrectActionData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ActionCorrectDialog, ActionView>>(MatDialogRef);
  protected readonly today = todayInAmsterdam();
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly action = this.data.action;
  protected readonly form = this.fb.group({
    description: [this.action.description, [Validators.required, Validators.minLength(3)]],
    // An unchanged due date already past may stay; a new one may not be before today.
    dueDate: [this.action.dueDate, [Validators.required, notInPast(this.action.dueDate)]],
    ownerOrganisationId: [this.action.owner.organisation.id, Validators.required],
    ownerUserId: [this.action.owner.user?.id ?? ''],
  });
  protected readonly submit = new FormSubmit();
  private readonly organisation = toSignal(this.form.controls.ownerOrganisationId.valueChanges, {
    initialValue: this.action.owner.organisation.id,
  });
  protected readonly people = computed(() => peopleOf(this.data.roles, this.organisation()));

  constructor() {
    this.form.controls.ownerOrganisationId.valueChanges.subscribe(() => this.form.controls.ownerUserId.setValue(''));
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const a = this.action;
    const dto: UpdateActionDto = { version: a.version };
    if (v.description.trim() !== a.description) dto.description = v.description.trim();
    if (v.dueDate !== a.dueDate) dto.dueDate = v.dueDate;
    if (v.ownerOrganisationId !== a.owner.organisation.id) dto.ownerOrganisationId = v.ownerOrganisationId;
    if ((v.ownerUserId || null) !== (a.owner.user?.id ?? null)) dto.ownerUserId = v.ownerUserId || null;
    if (Object.keys(dto).length === 1) {
      this.ref.close();
      return;
    }
    let updated: ActionView | undefined;
    const ok = await this.submit.run(this.form, async () => {
      updated = await this.api.updateAction(a.id, dto);
    });
    if (ok) this.ref.close(updated);
  }
}

export function correctAction(dialog: MatDialog, data: CorrectActionData): Promise<ActionView | undefined> {
  return firstValueFrom(
    dialog
      .open<ActionCorrectDialog, CorrectActionData, ActionView>(ActionCorrectDialog, { data, width: '520px', maxWidth: '95vw' })
      .afterClosed(),
  );
}
