import { ChangeDetectionStrategy, Component, computed, HostListener, inject, input, resource, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NetworkHeader } from '../networks/network-header';
import { NetworksApi } from '../networks/networks-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { FormSubmit } from '../ui/form-submit';
import { ResourceState } from '../ui/resource-state';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { MeetingsApi } from './meetings-api';
import { can } from '@casustafel/contract/permissions';

/** The network's meetings (calendar list); the coordinator plans one or a series. */
@Component({
  selector: 'app-meeting-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    AppDatePipe,
    NetworkHeader,
    ResourceState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    a.item { display: flex; gap: 16px; align-items: center; padding: 12px 16px; border-bottom: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; }
    a.item:hover, a.item:focus-visible { background: var(--mat-sys-surface-container); }
    .status { margin-left: auto; font: var(--mat-sys-label-large); }
    .cancelled { color: var(--mat-sys-error); }
    .hint { color: var(--mat-sys-on-surface-variant); margin: 4px 0 0; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2>{{ 'meetings.title' | transloco }}</h2>
      @if (can(network.value()?.myRole ?? null, 'meeting.plan')) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <h3 class="card-title">{{ 'meetings.plan' | transloco }}</h3>
            <form class="form-row" [formGroup]="form" (ngSubmit)="plan()" novalidate>
              <mat-form-field>
                <mat-label>{{ 'meetings.startsAt' | transloco }}</mat-label>
                <input matInput type="datetime-local" formControlName="startsAt" required data-testid="meeting-startsAt" />
                <mat-error>{{ 'meetings.startsAtRequired' | transloco }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'meetings.duration' | transloco }}</mat-label>
                <input matInput type="number" min="15" max="480" formControlName="duration" required />
                <mat-error>{{ 'meetings.durationInvalid' | transloco }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'meetings.location' | transloco }}</mat-label>
                <input matInput formControlName="location" data-testid="meeting-location" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'meetings.onlineUrl' | transloco }}</mat-label>
                <input matInput type="url" formControlName="onlineUrl" />
              </mat-form-field>
              <mat-checkbox formControlName="series">{{ 'meetings.series' | transloco }}</mat-checkbox>
              @if (form.controls.series.value) {
                <mat-form-field>
                  <mat-label>{{ 'meetings.everyWeeks' | transloco }}</mat-label>
                  <input matInput type="number" min="1" max="12" formControlName="everyWeeks" />
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'meetings.count' | transloco }}</mat-label>
                  <input matInput type="number" min="2" max="26" formControlName="count" />
                </mat-form-field>
              }
              <button mat-flat-button type="submit" [disabled]="planSubmit.busy()" data-testid="meeting-plan">{{ 'meetings.planButton' | transloco }}</button>
            </form>
            <p class="hint">{{ 'meetings.timeZoneHint' | transloco }}</p>
            @if (planSubmit.error()) { <p class="error-text" role="alert">{{ planSubmit.error() }}</p> }
          </mat-card-content>
        </mat-card>
      }
      <app-resource-state [resource]="meetings" [empty]="(meetings.value() ?? []).length === 0" emptyIcon="event"
        [emptyTitle]="'meetings.emptyTitle' | transloco" [emptyText]="'meetings.emptyText' | transloco">
        <nav [attr.aria-label]="'meetings.title' | transloco" data-testid="meetings-list">
          @for (m of sorted(); track m.id) {
            <a class="item" [routerLink]="['/overleggen', m.id]">
              <mat-icon aria-hidden="true">event</mat-icon>
              <span>{{ m.startsAt | appDate: 'dateTime' }}@if (m.location) { · {{ m.location }} }</span>
              <span class="status" [class.cancelled]="m.status === 'CANCELLED'">
                {{ 'enum.meetingStatus.' + m.status | transloco }}@if (m.status === 'CANCELLED' && m.cancelledReason) {: {{ m.cancelledReason }}}
              </span>
            </a>
          }
        </nav>
      </app-resource-state>
    </div>
  `,
})
export class MeetingListPage implements HoldsUnsavedInput {
  /** What the viewer may do, from the one access table (contract/permissions.ts) that the API enforces. */
  protected readonly can = can;
  private readonly api = inject(MeetingsApi);
  private readonly networksApi = inject(NetworksApi);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly network = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.networksApi.get(params.id) });
  protected readonly meetings = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.list(params.id) });
  /** Upcoming first, then the past ones, most recent first. */
  protected readonly sorted = computed(() => {
    const now = Date.now();
    const all = this.meetings.value() ?? [];
    const upcoming = all.filter((m) => new Date(m.startsAt).getTime() >= now - 12 * 3_600_000);
    const past = all.filter((m) => !upcoming.includes(m)).reverse();
    return [...upcoming, ...past];
  });

  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly planForm = viewChild(FormGroupDirective);
  protected readonly form = this.fb.group({
    startsAt: ['', Validators.required],
    duration: [90, [Validators.required, Validators.min(15), Validators.max(480)]],
    location: [''],
    onlineUrl: [''],
    series: [false],
    everyWeeks: [4],
    count: [6],
  });
  protected readonly planSubmit = new FormSubmit();

  /**
   * One submission, one Idempotency-Key: a double click while the request runs is ignored, and a retry of
   * the same submission plans nothing twice. The time is sent as typed ("2026-12-01T09:30", no offset):
   * the server reads it as Amsterdam time, whatever the browser's time zone.
   */
  protected async plan(): Promise<void> {
    const v = this.form.getRawValue();
    const planned = await this.planSubmit.run(this.form, (submission) =>
      this.api.plan(
        this.id(),
        {
          startsAt: v.startsAt,
          durationMinutes: Number(v.duration),
          ...(v.location.trim() ? { location: v.location.trim() } : {}),
          ...(v.onlineUrl.trim() ? { onlineUrl: v.onlineUrl.trim() } : {}),
          ...(v.series ? { repeat: { everyWeeks: Number(v.everyWeeks), count: Number(v.count) } } : {}),
        },
        submission.options,
      ),
    );
    if (!planned) return;
    // Planned: the date is cleared (the next plan is a new one), the rest stays for a next meeting alike. Through the
    // form's directive, which forgets the submit too, so the emptied date is not shown as an error.
    this.planForm()?.resetForm({ ...this.form.getRawValue(), startsAt: '' });
    this.meetings.reload();
  }

  /** A meeting being planned and not yet sent. */
  hasUnsavedInput(): boolean {
    return this.form.dirty && !this.planSubmit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }
}
