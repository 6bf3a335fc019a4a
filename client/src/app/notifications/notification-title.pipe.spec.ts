import type { NotificationView } from '@casustafel/contract/notifications';
import en from '../i18n/en.json';
import { notificationTitle } from './notification-title.pipe';

/** English from en.json, with {{ params }} filled in; an unknown key comes back as itself (as Transloco does). */
function translate(key: string, params: Record<string, unknown> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof value !== 'string') return key;
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const base: NotificationView = {
  id: 'n1',
  kind: 'ACTION_ASSIGNED',
  networkId: 'net1',
  networkName: 'Buurtnetwerk',
  title: 'Nederlandse titel',
  params: {},
  link: '/acties',
  createdAt: '2026-03-02T09:30:00.000Z',
  readAt: null,
};
const title = (overrides: Partial<NotificationView>) => notificationTitle({ ...base, ...overrides }, 'en-GB', translate);

/** A notification's title in English: from its kind and facts, or null (the Dutch title stays) when a fact is missing. */
describe('notificationTitle', () => {
  it('builds the English title from the kind and its facts, the case by its label', () => {
    expect(title({ params: { caseLabel: 'Casus 2026-014 · Linde' } })).toBe('New action for your organisation · Casus 2026-014 · Linde');
    expect(title({ kind: 'ACTION_DUE_SOON', params: { dueDate: '2026-03-05' } })).toBe(
      'An action of your organisation is due on 5 March 2026',
    );
    expect(title({ kind: 'CASE_STATUS_CHANGED', params: { status: 'MONITORING', caseLabel: 'Casus 2026-014' } })).toBe(
      'New status: Monitoring · Casus 2026-014',
    );
    expect(title({ kind: 'MEETING_INVITATION', params: { startsAt: '2026-03-19T13:00:00.000Z', change: 'CANCELLED' } })).toBe(
      'Cancelled: meeting on 19 March 2026 at 14:00',
    );
    expect(title({ kind: 'REFERRAL_DECIDED', params: { otherNetwork: 'OGGZ Amersfoort', accepted: false } })).toBe(
      "OGGZ Amersfoort declined your network's referral",
    );
  });

  it('gives null when a fact the sentence needs is missing', () => {
    expect(title({ kind: 'ACTION_DUE_SOON' })).toBeNull();
    expect(title({ kind: 'REFERRAL_DECIDED', params: { otherNetwork: 'OGGZ Amersfoort' } })).toBeNull();
    expect(title({ kind: 'MEETING_AGENDA' })).toBeNull();
  });
});
