import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/** The texts of an agenda item: notes and decisions. */
export interface ItemTexts {
  notes: string;
  decisions: string;
}

export interface MergeData {
  title: string;
  /** What the server holds now (saved by someone else, or in another tab). */
  server: ItemTexts;
  /** What this coordinator typed. */
  mine: ItemTexts;
}

/**
 * A save met a newer version (409): both texts side by side, and the coordinator chooses — keep theirs,
 * take the server's, or edit a merged text (starting from their own). Closes with the texts to keep, or
 * undefined when dismissed.
 */
@Component({
  selector: 'app-merge-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    @media (max-width: 700px) { .sides { grid-template-columns: 1fr; } }
    .side h3 { font: var(--mat-sys-title-small); margin: 0 0 4px; }
    .text { white-space: pre-wrap; padding: 8px; border-radius: 8px; background: var(--mat-sys-surface-container); min-height: 2em; margin: 0 0 8px; }
    .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); margin: 0; }
    .full { width: 100%; }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'merge.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'merge.text' | transloco: { title: data.title } }}</p>
      <div class="sides">
        <section class="side" data-testid="merge-server">
          <h3>{{ 'merge.server' | transloco }}</h3>
          <p class="label">{{ 'meeting.notes' | transloco }}</p>
          <p class="text">{{ data.server.notes || '—' }}</p>
          <p class="label">{{ 'meeting.decisions' | transloco }}</p>
          <p class="text">{{ data.server.decisions || '—' }}</p>
        </section>
        <section class="side" data-testid="merge-mine">
          <h3>{{ 'merge.mine' | transloco }}</h3>
          <p class="label">{{ 'meeting.notes' | transloco }}</p>
          <p class="text">{{ data.mine.notes || '—' }}</p>
          <p class="label">{{ 'meeting.decisions' | transloco }}</p>
          <p class="text">{{ data.mine.decisions || '—' }}</p>
        </section>
      </div>
      @if (editing) {
        <h3>{{ 'merge.merged' | transloco }}</h3>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.notes' | transloco }}</mat-label>
          <textarea matInput rows="5" [(ngModel)]="merged.notes" data-testid="merge-notes"></textarea>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'meeting.decisions' | transloco }}</mat-label>
          <textarea matInput rows="4" [(ngModel)]="merged.decisions" data-testid="merge-decisions"></textarea>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (editing) {
        <button mat-flat-button type="button" (click)="ref.close(merged)" data-testid="merge-save">{{ 'merge.saveMerged' | transloco }}</button>
      } @else {
        <button mat-button type="button" (click)="ref.close(data.server)" data-testid="merge-take-server">{{ 'merge.takeServer' | transloco }}</button>
        <button mat-stroked-button type="button" (click)="editing = true" data-testid="merge-edit">{{ 'merge.edit' | transloco }}</button>
        <button mat-flat-button type="button" (click)="ref.close(data.mine)" data-testid="merge-keep-mine">{{ 'merge.keepMine' | transloco }}</button>
      }
    </mat-dialog-actions>
  `,
})
export class MergeDialog {
  protected readonly data = inject<MergeData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<MergeDialog, ItemTexts>>(MatDialogRef);
  protected editing = false;
  protected readonly merged: ItemTexts = { ...this.data.mine };
}

export async function chooseMerge(dialog: MatDialog, data: MergeData): Promise<ItemTexts | undefined> {
  const ref = dialog.open<MergeDialog, MergeData, ItemTexts>(MergeDialog, { data, width: '760px', maxWidth: '95vw', autoFocus: 'dialog' });
  return firstValueFrom(ref.afterClosed());
}
