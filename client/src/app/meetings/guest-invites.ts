import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingView } from '@casustafel/contract/meetings';
import { errorMessage } from '../core/api-error';
import { newSubmission } from '../ui/form-submit';
import { MeetingsApi } from './meetings-api';

/** Guests of the meeting, each for named agenda items only; the coordinator invites one by e-mail address. */
@Component({
  selector: 'app-guest-invites',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = meeting();
    <h2>{{ 'meeting.guests' | transloco }}</h2>
    @for (g of m.guests; track g.user.id) {
      <p>{{ g.user.name }}: {{ titlesOf(g.itemIds) }}</p>
    }
    <form class="form-row" (ngSubmit)="invite()">
      <mat-form-field>
        <mat-label>{{ 'meeting.guestEmail' | transloco }}</mat-label>
        <input matInput type="email" name="guestEmail" [(ngModel)]="email" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'meeting.guestItems' | transloco }}</mat-label>
        <mat-select multiple name="guestItems" [(ngModel)]="itemIds">
          @for (item of m.agenda; track item.id) { <mat-option [value]="item.id">{{ item.title }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="busy()">{{ 'meeting.invite' | transloco }}</button>
    </form>
    @if (error()) { <p class="error-text" role="alert">{{ error() }}</p> }
  `,
})
export class GuestInvites {
  private readonly api = inject(MeetingsApi);
  readonly meeting = input.required<MeetingView>();
  readonly changed = output<MeetingView>();
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected email = '';
  protected itemIds: string[] = [];

  protected titlesOf(itemIds: string[]): string {
    return this.meeting()
      .agenda.filter((i) => itemIds.includes(i.id))
      .map((i) => i.title)
      .join(', ');
  }

  protected async invite(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const guest = await this.api.findGuest(this.meeting().id, this.email.trim());
      this.changed.emit(await this.api.inviteGuest(this.meeting().id, guest.id, this.itemIds, newSubmission().options));
      this.email = '';
      this.itemIds = [];
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** A typed address not yet invited (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    return this.email.trim() !== '';
  }
}
