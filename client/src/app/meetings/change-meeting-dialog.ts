import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { MeetingView, UpdateMeetingDto } from '@casustafel/contract/meetings';
import { dateTimeInAmsterdam } from '../ui/amsterdam-time';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { MeetingsApi } from './meetings-api';

/**
 * The coordinator moves or changes a planned meeting: date and start time, duration, location, online link,
 * prefilled as planned. Only what changed is sent (the time as typed, which the API reads as Amsterdam time,
 * as when planning); nothing changed closes without a request. Closes with the changed meeting, or undefined.
 */
@Component({
  selector: 'app-change-meeting-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .full { width: 100%; }
    .hint { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'meetingChange.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <app-error-summary [submit]="submit" />
        <p>{{ 'meetingChange.text' | transloco }}</p>
        <mat-form-field class="full">
          <mat-label>{{ 'meetings.startsAt' | transloco }}</mat-label>
          <input matInput type="datetime-local" formControlName="startsAt" required data-testid="change-startsAt" />
          <mat-error>{{ form.controls.startsAt.errors?.['server'] ?? ('meetings.startsAtRequired' | transloco) }}</mat-error>
        </mat-form-field>
        <p class="hint">{{ 'meetings.timeZoneHint' | transloco }}</p>
        <mat-form-field class="full">
          <mat-label>{{ 'meetings.duration' | transloco }}</mat-label>
          <input matInput type="number" min="15" max="480" formControlName="duration" required data-testid="change-duration" />
          <mat-error>{{ form.controls.duration.errors?.['server'] ?? ('meetings.durationInvalid' | transloco) }}</mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meetings.location' | transloco }}</mat-label>
          <input matInput formControlName="location" maxlength="160" data-testid="change-location" />
          <mat-error>{{ form.controls.location | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meetings.onlineUrl' | transloco }}</mat-label>
          <input matInput type="url" formControlName="onlineUrl" data-testid="change-onlineUrl" />
          <mat-error>{{ form.controls.onlineUrl.errors?.['server'] }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="change-keep">{{ 'action.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="change-save">{{ 'meetingChange.save' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ChangeMeetingDialog {
  private readonly api = inject(MeetingsApi);
  private readonly meeting = inject<MeetingView>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ChangeMeetingDialog, MeetingView>>(MatDialogRef);
  /** The planned start as the field shows it: Amsterdam date and time, whatever the browser's time zone. */
  private readonly plannedStart = dateTimeInAmsterdam(new Date(this.meeting.startsAt));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    startsAt: [this.plannedStart, Validators.required],
    duration: [this.meeting.durationMinutes, [Validators.required, Validators.min(15), Validators.max(480)]],
    location: [this.meeting.location ?? '', Validators.maxLength(160)],
    onlineUrl: [this.meeting.onlineUrl ?? ''],
  });
  protected readonly submit = new FormSubmit();

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const m = this.meeting;
    const dto: UpdateMeetingDto = {};
    if (v.startsAt !== this.plannedStart) dto.startsAt = v.startsAt;
    if (Number(v.duration) !== m.durationMinutes) dto.durationMinutes = Number(v.duration);
    // An emptied location is sent as '' (the API removes it).
    if (v.location.trim() !== (m.location ?? '')) dto.location = v.location.trim();
    // An emptied link likewise: the meeting is no longer online.
    if (v.onlineUrl.trim() !== (m.onlineUrl ?? '')) dto.onlineUrl = v.onlineUrl.trim();
    if (this.form.valid && Object.keys(dto).length === 0) {
      this.ref.close();
      return;
    }
    let changed: MeetingView | undefined;
    const ok = await this.submit.run(this.form, async () => {
      changed = await this.api.reschedule(m.id, dto);
    });
    if (ok) this.ref.close(changed);
  }
}

export function changeMeeting(dialog: MatDialog, meeting: MeetingView): Promise<MeetingView | undefined> {
  return firstValueFrom(
    dialog
      .open<ChangeMeetingDialog, MeetingView, MeetingView>(ChangeMeetingDialog, { data: meeting, width: '520px', maxWidth: '95vw' })
      .afterClosed(),
  );
}
