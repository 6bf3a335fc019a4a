import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/** Cancelling a planned meeting: says what happens and asks why (required); closes with the reason, or undefined. */
@Component({
  selector: 'app-cancel-meeting-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .full { width: 100%; }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'meetingCancel.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p>{{ 'meetingCancel.text' | transloco }}</p>
        <mat-form-field class="full">
          <mat-label>{{ 'meetingCancel.reason' | transloco }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" required maxlength="500" data-testid="cancel-reason"></textarea>
          <mat-error>{{ 'meetingCancel.reasonRequired' | transloco }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="cancel-keep">{{ 'meetingCancel.keep' | transloco }}</button>
        <button mat-flat-button type="submit" data-testid="cancel-confirm">{{ 'meetingCancel.confirm' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CancelMeetingDialog {
  private readonly ref = inject<MatDialogRef<CancelMeetingDialog, string>>(MatDialogRef);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(500), Validators.pattern(/\S/)]],
  });

  protected confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close(this.form.controls.reason.value.trim());
  }
}

export function askCancelReason(dialog: MatDialog): Promise<string | undefined> {
  return firstValueFrom(
    dialog.open<CancelMeetingDialog, void, string>(CancelMeetingDialog, { width: '480px', maxWidth: '95vw' }).afterClosed(),
  );
}
