import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { NotificationView } from '@casustafel/contract/notifications';
import { LanguageService } from '../core/i18n';
import { formatAppDate } from '../ui/app-date.pipe';

/**
 * A notification's title in the user's language. In Dutch it is the server's own title (as the mail says
 * it); in English it is built from the kind and its facts (`notifications.titles.*`), and when a fact the
 * sentence needs is missing, the Dutch title stays (ADR 0011: the server speaks Dutch).
 */
@Pipe({ name: 'notificationTitle', pure: false })
export class NotificationTitlePipe implements PipeTransform {
  private readonly languages = inject(LanguageService);
  private readonly i18n = inject(TranslocoService);

  transform(notification: NotificationView): string {
    if (this.languages.language() === 'nl') return notification.title;
    return (
      notificationTitle(notification, this.languages.locale(), (key, params) => this.i18n.translate(key, params)) ?? notification.title
    );
  }
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The translated title, or null when the facts it needs are not there. */
export function notificationTitle(n: NotificationView, locale: string, translate: Translate): string | null {
  const p = n.params ?? {};
  const date = (value: string | undefined, format: 'date' | 'dateTime') => (value ? formatAppDate(value, locale, format) : null);
  let key: string = n.kind;
  const params: Record<string, string> = {};
  switch (n.kind) {
    case 'ACTION_DUE_SOON': {
      const dueDate = date(p.dueDate, 'date');
      if (!dueDate) return null;
      params['dueDate'] = dueDate;
      break;
    }
    case 'CASE_STATUS_CHANGED': {
      if (!p.status) return null;
      const statusKey = `enum.caseStatus.${p.status}`;
      const status = translate(statusKey);
      params['status'] = status && status !== statusKey ? status : p.status;
      break;
    }
    case 'MEETING_INVITATION':
    case 'MEETING_AGENDA': {
      const startsAt = date(p.startsAt, 'dateTime');
      if (!startsAt) return null;
      params['startsAt'] = startsAt;
      if (n.kind === 'MEETING_INVITATION' && p.change === 'CHANGED') key = 'MEETING_CHANGED';
      if (n.kind === 'MEETING_INVITATION' && p.change === 'CANCELLED') key = 'MEETING_CANCELLED';
      break;
    }
    case 'REFERRAL_RECEIVED':
    case 'REFERRAL_DECIDED':
      if (!p.otherNetwork) return null;
      params['otherNetwork'] = p.otherNetwork;
      if (n.kind === 'REFERRAL_DECIDED') {
        if (p.accepted === undefined) return null;
        key = p.accepted ? 'REFERRAL_ACCEPTED' : 'REFERRAL_DECLINED';
      }
      break;
    default:
      break;
  }
  const fullKey = `notifications.titles.${key}`;
  const title = translate(fullKey, params);
  if (!title || title === fullKey) return null;
  return p.caseLabel ? `${title} · ${p.caseLabel}` : title;
}
