import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Not, Repository } from 'typeorm';
import type { SessionView } from '@casustafel/contract/account';
import { Clock } from '../common/clock';
import type { SessionStatus } from '../common/decorators';
import { AppConfig } from '../config/app-config';
import type { SessionRef } from './auth.service';
import { Session } from './session.entity';

export const SESSION_NOT_FOUND = 'Deze sessie bestaat niet (meer).';

/** The owner's view of their own sessions, and the changes the second factor makes to them. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The user's sessions that are still alive (not idle too long, not past their end), the most recently used first. */
  async list(userId: string, current: SessionRef): Promise<SessionView[]> {
    const now = this.clock.now();
    const rows = await this.sessions.find({
      where: {
        userId,
        expiresAt: MoreThan(now),
        lastSeenAt: MoreThan(new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000)),
      },
      order: { lastSeenAt: 'DESC', createdAt: 'DESC' },
    });
    return rows.map((s) => ({
      id: s.id,
      browser: s.browser,
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.tokenHash === current.tokenHash,
    }));
  }

  /** Ends one of the user's own sessions; another user's is not found. */
  async end(userId: string, id: string): Promise<void> {
    const { affected } = await this.sessions.delete({ id, userId });
    if (!affected) throw new NotFoundException(SESSION_NOT_FOUND);
  }

  async setStatus(session: SessionRef, status: SessionStatus): Promise<void> {
    await this.sessions.update({ tokenHash: session.tokenHash }, { status });
  }

  /** Every session of the user but this one (after the second factor was turned on or off). */
  async endOthers(userId: string, keep: SessionRef): Promise<void> {
    await this.sessions.delete({ userId, tokenHash: Not(keep.tokenHash) });
  }

  /** Ends this session (it is replaced by a new one with a new token). Returns what the new one needs. */
  async replace(session: SessionRef): Promise<{ ip: string | null; browser: string | null } | null> {
    const row = await this.sessions.findOneBy({ tokenHash: session.tokenHash });
    const { affected } = await this.sessions.delete({ tokenHash: session.tokenHash });
    return row && affected ? { ip: row.ip, browser: row.browser } : null;
  }
}
