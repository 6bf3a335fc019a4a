import { Notifier, type NotificationEvent } from './notifier';

const event: NotificationEvent = {
  type: 'MINUTES_SENT',
  actorId: 'u1',
  meeting: { id: 'm1', networkId: 'n1', startsAt: new Date('2026-12-01T09:00:00Z') },
};

describe('Notifier', () => {
  it('hands each event to its handler, and nothing before one registered', async () => {
    const notifier = new Notifier();
    await notifier.emit(event); // no handler yet: nothing happens, nothing throws
    const seen: string[] = [];
    notifier.register(async (e) => seen.push(e.type));
    await notifier.emit(event);
    expect(seen).toEqual(['MINUTES_SENT']);
  });

  it('stays quiet inside silently() only — also for what that work awaits — and not for work running beside it', async () => {
    const notifier = new Notifier();
    const seen: string[] = [];
    notifier.register(async (e) => seen.push(e.actorId));
    await Promise.all([
      notifier.silently(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await notifier.emit({ ...event, actorId: 'seed' });
      }),
      notifier.emit({ ...event, actorId: 'request' }),
    ]);
    expect(seen).toEqual(['request']);
  });

  it('does not let a failing notification undo the event: the error is logged, not thrown', async () => {
    const notifier = new Notifier();
    notifier.register(async () => {
      throw new TypeError('boom');
    });
    await expect(notifier.emit(event)).resolves.toBeUndefined();
  });
});
