import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  NotificationKind,
  NotificationListView,
  NotificationMode,
  NotificationSettingsView,
} from '@casustafel/contract/notifications';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

/** How many notifications the bell shows (the newest). */
export const NOTIFICATIONS_SHOWN = 20;

/**
 * The user's notifications (issue #14): the list under the bell with its unread count, marking read, and
 * per kind how they reach the user by e-mail.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** The bell asks this every minute in the background: a failure shows no snackbar (the bell keeps what it had). */
  list(limit = NOTIFICATIONS_SHOWN): Promise<NotificationListView> {
    return firstValueFrom(this.http.get<NotificationListView>('/api/notifications', { params: { limit }, ...handlesErrors() }));
  }
  markRead(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, {}, handlesErrors()));
  }
  markAllRead(): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/notifications/read-all', {}));
  }

  settings(): Promise<NotificationSettingsView> {
    return firstValueFrom(this.http.get<NotificationSettingsView>('/api/me/notification-settings'));
  }
  /** Only the kinds named change; the others keep their setting. The form shows a refusal itself. */
  saveSettings(settings: { kind: NotificationKind; mode: NotificationMode }[], options: RequestOptions): Promise<NotificationSettingsView> {
    return firstValueFrom(this.http.put<NotificationSettingsView>('/api/me/notification-settings', { settings }, options));
  }
}
