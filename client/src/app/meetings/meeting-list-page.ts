import { ChangeDetectionStrategy, Component, computed, inject, input, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { errorMessage } from '../core/api-error';
import { NetworkHeader } from '../networks/network-header';
import { NetworksApi } from '../networks/networks-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { ResourceState } from '../ui/resource-state';
import { MeetingsApi } from './meetings-api';
import { can } from '@casustafel/contract/permissions';

/** The network's meetings (calendar list); the coordinator plans one or a series. */
@Component({
  selector: 'app-meeting-list-page',
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
    AppDatePipe,
    NetworkHeader,
    ResourceState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    a.item { display: flex; gap: 16px; align-items: center; padding: 12px 16px; border-bottom: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; }
    a.item:hover, a.item:focus-visible { background: var(--mat-sys-surface-container); }
    .status { margin-left: auto; font: var(--mat-sys-label-large); }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2>{{ 'meetings.title' | transloco }}</h2>
      @if (can(network.value()?.myRole ?? null, 'meeting.plan')) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <h3 class="card-title">{{ 'meetings.plan' | transloco }}</h3>
            <form class="form-row" (ngSubmit)="plan()">
              <mat-form-field>
                <mat-label>{{ 'meetings.startsAt' | transloco }}</mat-label>
                <input matInput type="datetime-local" name="startsAt" [(ngModel)]="startsAt" required data-testid="meeting-startsAt" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'meetings.duration' | transloco }}</mat-label>
                <input matInput type="number" min="15" max="480" name="duration" [(ngModel)]="duration" required />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'meetings.location' | transloco }}</mat-label>
                <input matInput name="location" [(ngModel)]="location" data-testid="meeting-location" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'meetings.onlineUrl' | transloco }}</mat-label>
                <input matInput type="url" name="onlineUrl" [(ngModel)]="onlineUrl" />
              </mat-form-field>
              <mat-checkbox name="series" [(ngModel)]="series">{{ 'meetings.series' | transloco }}</mat-checkbox>
              @if (series) {
                <mat-form-field>
                  <mat-label>{{ 'meetings.everyWeeks' | transloco }}</mat-label>
                  <input matInput type="number" min="1" max="12" name="everyWeeks" [(ngModel)]="everyWeeks" />
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'meetings.count' | transloco }}</mat-label>
                  <input matInput type="number" min="2" max="26" name="count" [(ngModel)]="count" />
                </mat-form-field>
              }
              <button mat-flat-button type="submit" data-testid="meeting-plan">{{ 'meetings.planButton' | transloco }}</button>
            </form>
            @if (error()) { <p class="error-text" role="alert">{{ error() }}</p> }
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
              <span class="status">{{ 'enum.meetingStatus.' + m.status | transloco }}</span>
            </a>
          }
        </nav>
      </app-resource-state>
    </div>
  `,
})
export class MeetingListPage {
  /** What the viewer may do, from the one access table (contract/permissions.ts) that the API enforces. */
  protected readonly can = can;
  private readonly api = inject(MeetingsApi);
  private readonly networksApi = inject(NetworksApi);
  private readonly i18n = inject(TranslocoService);
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

  protected startsAt = '';
  protected duration = 90;
  protected location = '';
  protected onlineUrl = '';
  protected series = false;
  protected everyWeeks = 4;
  protected count = 6;
  protected readonly error = signal<string | null>(null);

  protected async plan(): Promise<void> {
    this.error.set(null);
    if (!this.startsAt) {
      this.error.set(this.i18n.translate('meetings.startsAtRequired'));
      return;
    }
    try {
      await this.api.plan(this.id(), {
        startsAt: new Date(this.startsAt).toISOString(),
        durationMinutes: Number(this.duration),
        ...(this.location.trim() ? { location: this.location.trim() } : {}),
        ...(this.onlineUrl.trim() ? { onlineUrl: this.onlineUrl.trim() } : {}),
        ...(this.series ? { repeat: { everyWeeks: Number(this.everyWeeks), count: Number(this.count) } } : {}),
      });
      this.meetings.reload();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
