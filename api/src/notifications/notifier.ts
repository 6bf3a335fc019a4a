import { Injectable, Logger, Module } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MeetingChange } from '@casustafel/contract/notifications';
import type { CaseStatus } from '@casustafel/contract/enums';

/** A meeting as its invitation needs it. */
export interface MeetingFacts {
  id: string;
  networkId: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  onlineUrl: string | null;
  sequence: number;
}

/**
 * What happened, as the module where it happened tells it (issue #14). Who hears of it, and how,
 * is NotificationsService's rule; the event names only ids, codes and moments.
 */
export type NotificationEvent =
  | {
      type: 'ACTION_ASSIGNED';
      actorId: string;
      action: { id: string; networkId: string; caseId: string | null; ownerOrganisationId: string; dueDate: string };
    }
  | { type: 'MINUTES_SENT' | 'MINUTES_APPROVED'; actorId: string; meeting: { id: string; networkId: string; startsAt: Date } }
  | {
      type: 'QUESTION_ANSWERED' | 'QUESTION_FOLLOW_UP';
      actorId: string;
      question: { id: string; networkId: string; submittedByOrganisationId: string; createdAt: Date };
    }
  | {
      type: 'CASE_STATUS_CHANGED';
      actorId: string;
      case: { id: string; networkId: string; submittedByOrganisationId: string };
      status: CaseStatus;
      reason: string | null;
      otherNetwork?: string;
    }
  | { type: 'MEETING'; actorId: string; change: MeetingChange; meeting: MeetingFacts }
  | {
      type: 'REFERRAL_RECEIVED';
      actorId: string;
      referral: { id: string; toNetworkId: string; fromNetworkName: string; label: string };
    }
  | {
      type: 'REFERRAL_DECIDED';
      actorId: string;
      referral: { id: string; fromNetworkId: string; caseId: string; toNetworkName: string; accepted: boolean };
    };

type Handler = (event: NotificationEvent) => Promise<unknown>;

/**
 * Where modules report what happened, after their unit of work committed. It depends on nothing, so
 * that every module can use it without a cycle; NotificationsService registers as its handler. A
 * notification that cannot be made is logged (by kind, never by content) and does not undo the
 * event: the work itself was done, and the bell is not worth a refused request.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);
  private handler?: Handler;
  private readonly quiet = new AsyncLocalStorage<true>();

  register(handler: Handler): void {
    this.handler = handler;
  }

  /** Runs `work` without notifications: the demo data's events are news for nobody, and its addresses are not real. */
  silently<T>(work: () => Promise<T>): Promise<T> {
    return this.quiet.run(true, work);
  }

  async emit(event: NotificationEvent): Promise<void> {
    if (!this.handler || this.quiet.getStore()) return;
    try {
      await this.handler(event);
    } catch (error) {
      this.logger.error(`Notification ${event.type} not made: ${(error as Error)?.name ?? 'Error'}`);
    }
  }
}

@Module({ providers: [Notifier], exports: [Notifier] })
export class NotifierModule {}
