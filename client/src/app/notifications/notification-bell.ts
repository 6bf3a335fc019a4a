import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, InjectionToken, signal } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NotificationListView, NotificationView } from '@casustafel/contract/notifications';
import { AppDatePipe } from '../ui/app-date.pipe';
import { NotificationTitlePipe } from './notification-title.pipe';
import { NotificationsApi } from './notifications-api';

/** How often the bell asks for new notifications while the tab is visible (ms); null: only on opening (component tests). */
export const NOTIFICATION_POLL_MS = new InjectionToken<number | null>('NOTIFICATION_POLL_MS', {
  providedIn: 'root',
  factory: () => 60_000,
});

/**
 * The bell in the toolbar (issue #14): the number of unread notifications as a badge, and on opening the
 * newest notifications — unread ones marked "Nieuw" in words and bold, not by colour alone. Choosing one
 * marks it read and goes to what it is about. Asks again on opening, every minute while the tab is
 * visible, and at once when the tab becomes visible again.
 */
@Component({
  selector: 'app-notification-bell',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    RouterLink,
    TranslocoPipe,
    AppDatePipe,
    NotificationTitlePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: inline-block; }
    /* The colour of where it sits (the toolbar's on-primary): the shell's rule for its own buttons does not reach into this component. */
    .bell { color: inherit; }
    .panel-head { display: flex; align-items: baseline; gap: 8px; padding: 8px 16px; }
    .panel-title { font: var(--mat-sys-title-medium); margin: 0; }
    .panel-count { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .empty { padding: 8px 16px 16px; margin: 0; color: var(--mat-sys-on-surface-variant); }
    .notification { height: auto; min-height: 56px; padding-top: 8px; padding-bottom: 8px; align-items: flex-start; }
    .notification .title { display: block; }
    .notification.unread .title { font-weight: 700; }
    .notification .meta { display: block; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .new { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 8px; font: var(--mat-sys-label-small);
      background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); border: 1px solid currentColor; }
  `,
  template: `
    <button
      mat-icon-button
      class="bell"
      type="button"
      [matMenuTriggerFor]="panel"
      (menuOpened)="refresh()"
      [attr.aria-label]="unread() > 0 ? ('notifications.bellUnread' | transloco: { count: unread() }) : ('notifications.bell' | transloco)"
      [matBadge]="badge()"
      [matBadgeHidden]="unread() === 0"
      matBadgeColor="warn"
      matBadgeSize="medium"
      data-testid="notification-bell"
    >
      <!-- The count is in the button's name; the badge (aria-hidden by Material) only shows it. -->
      <mat-icon aria-hidden="true">{{ unread() > 0 ? 'notifications_active' : 'notifications' }}</mat-icon>
    </button>
    <mat-menu #panel="matMenu" class="notification-panel" xPosition="before">
      <div class="panel-head">
        <h2 class="panel-title">{{ 'notifications.title' | transloco }}</h2>
        @if (unread() > 0) {
          <span class="panel-count" data-testid="notification-count">{{ 'notifications.unreadCount' | transloco: { count: unread() } }}</span>
        }
      </div>
      @for (n of items(); track n.id) {
        <button mat-menu-item type="button" class="notification" [class.unread]="!n.readAt" (click)="open(n)" data-testid="notification">
          <mat-icon aria-hidden="true">{{ n.readAt ? 'drafts' : 'mark_email_unread' }}</mat-icon>
          <span class="title">
            @if (!n.readAt) {
              <span class="new" data-testid="notification-new">{{ 'notifications.new' | transloco }}</span>
            }
            {{ n | notificationTitle }}
          </span>
          <span class="meta">{{ n.networkName }} · <time [attr.datetime]="n.createdAt">{{ n.createdAt | appDate: 'dateTime' }}</time></span>
        </button>
      } @empty {
        <p class="empty" data-testid="notifications-empty">{{ 'notifications.empty' | transloco }}</p>
      }
      <mat-divider />
      @if (unread() > 0) {
        <button mat-menu-item type="button" (click)="markAllRead()" data-testid="notifications-read-all">
          <mat-icon aria-hidden="true">done_all</mat-icon>
          <span>{{ 'notifications.readAll' | transloco }}</span>
        </button>
      }
      <a mat-menu-item routerLink="/account/meldingen" data-testid="notification-settings-link">
        <mat-icon aria-hidden="true">tune</mat-icon>
        <span>{{ 'notifications.settingsLink' | transloco }}</span>
      </a>
    </mat-menu>
  `,
})
export class NotificationBell {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private readonly list = signal<NotificationListView | null>(null);
  protected readonly items = computed(() => this.list()?.items ?? []);
  protected readonly unread = computed(() => this.list()?.unread ?? 0);
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  private refreshing: Promise<void> | null = null;

  constructor() {
    void this.refresh();
    const every = inject(NOTIFICATION_POLL_MS);
    const view = this.document.defaultView;
    if (every === null || !view) return;
    const timer = view.setInterval(() => {
      if (this.document.visibilityState !== 'hidden') void this.refresh();
    }, every);
    const onVisible = () => {
      if (this.document.visibilityState === 'visible') void this.refresh();
    };
    this.document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      view.clearInterval(timer);
      this.document.removeEventListener('visibilitychange', onVisible);
    });
  }

  /** Asks for the newest notifications and the unread count; one request at a time; a failure keeps what was shown. */
  refresh(): Promise<void> {
    this.refreshing ??= this.api
      .list()
      .then((list) => this.list.set(list))
      .catch(() => undefined)
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Marks it read (shown at once), then goes to what it is about, also when marking failed. */
  protected async open(notification: NotificationView): Promise<void> {
    if (!notification.readAt) {
      const readAt = new Date().toISOString();
      this.list.update((list) =>
        list
          ? {
              items: list.items.map((n) => (n.id === notification.id ? { ...n, readAt } : n)),
              unread: Math.max(0, list.unread - 1),
            }
          : list,
      );
      await this.api.markRead(notification.id).catch(() => undefined);
    }
    // A path in the app ("/acties", "/casussen/<id>"), never another site.
    if (notification.link.startsWith('/') && !notification.link.startsWith('//')) await this.router.navigateByUrl(notification.link);
  }

  protected async markAllRead(): Promise<void> {
    try {
      await this.api.markAllRead();
    } catch {
      return; // The snackbar says why; the list stays as it was.
    }
    const readAt = new Date().toISOString();
    this.list.update((list) => (list ? { items: list.items.map((n) => ({ ...n, readAt: n.readAt ?? readAt })), unread: 0 } : list));
  }
}
