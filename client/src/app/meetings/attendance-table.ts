import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@casustafel/contract/meeting-rules';
import type { MeetingView } from '@casustafel/contract/meetings';
import type { RoleView } from '@casustafel/contract/networks';
import { errorMessage } from '../core/api-error';
import { peopleOf } from './action-form';
import { MeetingsApi } from './meetings-api';

interface AttendanceRow {
  organisationId: string;
  name: string;
  status: AttendanceStatus | null;
  userIds: string[];
}

/** Who was there: per organisation present, absent or excused, and which of its people; the coordinator marks it until the minutes are approved. */
@Component({
  selector: 'app-attendance-table',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    table.attendance { width: 100%; border-collapse: collapse; }
    table.attendance th, table.attendance td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    table.attendance mat-form-field { width: 100%; }
  `,
  template: `
    <h2>{{ 'meeting.attendance' | transloco }}</h2>
    <table class="attendance" data-testid="attendance">
      <caption class="visually-hidden">{{ 'meeting.attendance' | transloco }}</caption>
      <thead><tr><th scope="col">{{ 'field.organisation' | transloco }}</th><th scope="col">{{ 'field.status' | transloco }}</th><th scope="col">{{ 'meeting.present' | transloco }}</th></tr></thead>
      <tbody>
        @for (row of rows(); track row.organisationId) {
          <tr>
            <th scope="row">{{ row.name }}</th>
            <td>
              @if (editable()) {
                <mat-form-field subscriptSizing="dynamic">
                  <mat-select [aria-label]="('meeting.statusOf' | transloco: { name: row.name })" [(ngModel)]="row.status" [attr.data-testid]="'attendance-' + row.name">
                    @for (s of statuses; track s) { <mat-option [value]="s">{{ 'enum.attendance.' + s | transloco }}</mat-option> }
                  </mat-select>
                </mat-form-field>
              } @else {
                {{ row.status ? ('enum.attendance.' + row.status | transloco) : '—' }}
              }
            </td>
            <td>
              @if (editable()) {
                <mat-form-field subscriptSizing="dynamic">
                  <mat-select multiple [aria-label]="('meeting.peopleOf' | transloco: { name: row.name })" [(ngModel)]="row.userIds" [disabled]="row.status !== 'PRESENT'" [attr.data-testid]="'people-' + row.name">
                    @for (p of people(row.organisationId); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
                  </mat-select>
                </mat-form-field>
              } @else {
                {{ namesOf(row.organisationId) }}
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
    @if (editable()) {
      <p><button mat-stroked-button type="button" (click)="save()" [disabled]="busy()" data-testid="attendance-save">{{ 'meeting.saveAttendance' | transloco }}</button></p>
    }
    @if (error()) { <p class="error-text" role="alert" data-testid="meeting-error">{{ error() }}</p> }
  `,
})
export class AttendanceTable {
  private readonly api = inject(MeetingsApi);
  readonly meeting = input.required<MeetingView>();
  readonly roles = input<RoleView[]>([]);
  /** The coordinator, until the minutes are approved. */
  readonly editable = input(false);
  readonly changed = output<MeetingView | null>();

  protected readonly statuses = ATTENDANCE_STATUSES;
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly rows = linkedSignal<AttendanceRow[]>(() =>
    this.meeting().attendance.map((a) => ({
      organisationId: a.organisation.id,
      name: a.organisation.name,
      status: a.status,
      userIds: a.people.map((p) => p.id),
    })),
  );

  /** Attendance marked and not saved (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    return this.rows().some((row) => {
      const saved = this.meeting().attendance.find((a) => a.organisation.id === row.organisationId);
      const savedIds = (saved?.people ?? []).map((p) => p.id);
      return (
        row.status !== (saved?.status ?? null) || row.userIds.length !== savedIds.length || row.userIds.some((id) => !savedIds.includes(id))
      );
    });
  }

  protected people(organisationId: string): { id: string; name: string }[] {
    return peopleOf(this.roles(), organisationId);
  }

  protected namesOf(organisationId: string): string {
    return (this.meeting().attendance.find((a) => a.organisation.id === organisationId)?.people ?? []).map((p) => p.name).join(', ');
  }

  protected async save(): Promise<void> {
    const attendance = this.rows()
      .filter((r) => r.status)
      .map((r) => ({ organisationId: r.organisationId, status: r.status!, userIds: r.status === 'PRESENT' ? r.userIds : [] }));
    this.busy.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await this.api.attendance(this.meeting().id, { attendance }));
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
