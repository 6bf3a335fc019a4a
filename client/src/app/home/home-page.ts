import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Session } from '../core/session';
import { AppDatePipe } from '../ui/app-date.pipe';
import { EmptyState } from '../ui/empty-state';
import { WorkQueue } from './work-queue';

/** Where everyone lands after signing in: their work per network (the work queue), or the administrator's note. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, EmptyState, AppDatePipe, WorkQueue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
    .admin-note { display: flex; gap: 12px; align-items: flex-start; padding: 16px; border-radius: 12px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); margin-bottom: 24px; }
  `,
  template: `
    <div class="page">
      <h1>{{ 'home.greeting' | transloco: { name: session.me()?.name } }}</h1>
      <p class="lead">{{ session.me()?.organisation?.name }}</p>

      @if (session.isAdmin()) {
        <div class="admin-note" role="note">
          <mat-icon aria-hidden="true">shield_person</mat-icon>
          <div>
            <strong>{{ 'home.adminTitle' | transloco }}</strong>
            <p>{{ 'home.adminText' | transloco }}</p>
            <a mat-flat-button routerLink="/beheer/netwerken">{{ 'home.adminAction' | transloco }}</a>
          </div>
        </div>
      }

      @if ((session.me()?.guestMeetings ?? []).length > 0) {
        <h2>{{ 'home.guestMeetings' | transloco }}</h2>
        <ul>
          @for (m of session.me()?.guestMeetings ?? []; track m.id) {
            <li><a [routerLink]="['/overleggen', m.id]">{{ 'home.guestMeeting' | transloco }} {{ m.startsAt | appDate: 'dateTime' }}</a></li>
          }
        </ul>
      }

      @if (session.networks().length > 0) {
        <h2>{{ 'workQueue.title' | transloco }}</h2>
        <p>{{ 'workQueue.lead' | transloco }}</p>
        <div class="cards">
          @for (network of session.networks(); track network.id) {
            <app-work-queue [network]="network" />
          }
        </div>
      } @else if (!session.isAdmin() && (session.me()?.guestMeetings ?? []).length === 0) {
        <app-empty-state icon="hub" [title]="'home.noNetworksTitle' | transloco" [text]="'home.noNetworksText' | transloco" />
      }
    </div>
  `,
})
export class HomePage {
  protected readonly session = inject(Session);
}
