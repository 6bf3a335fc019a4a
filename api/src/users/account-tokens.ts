import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../database/ids';
import { within } from '../database/unit-of-work';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';

/** How long a link from a mail works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = { ACTIVATION: 72 * 3_600_000, RESET: 3_600_000 };
export const TOKEN_INVALID = 'Deze link is niet (meer) geldig. Vraag een nieuwe aan.';

export const hashAccountToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * One-time tokens for the links in activation and reset mails (ADR 0014): random 256 bits in the
 * link, SHA-256 in the database, one purpose, an end, used once. A new token ends the earlier ones of
 * the same user and purpose, so that only the newest link works.
 */
@Injectable()
export class AccountTokens {
  constructor(
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
    private readonly clock: Clock,
  ) {}

  /** A new token for this user and purpose (the earlier ones stop working); returns the token for the link. */
  async issue(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<string> {
    const repository = within(this.tokens, manager);
    const now = this.clock.now();
    await repository.update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
    const token = randomBytes(32).toString('base64url');
    await repository.insert({
      id: newId(),
      tokenHash: hashAccountToken(token),
      userId,
      purpose,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      usedAt: null,
    });
    return token;
  }

  /** The user a valid token of this purpose belongs to; 400 (one answer for unknown, used and expired) otherwise. */
  async holder(token: string, purpose: AccountTokenPurpose): Promise<string> {
    const found = await this.tokens.findOneBy({
      tokenHash: hashAccountToken(token),
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(this.clock.now()),
    });
    if (!found) throw new BadRequestException(TOKEN_INVALID);
    return found.userId;
  }

  /** Uses the token: one conditional update, so that of two requests with the same link only one succeeds. */
  async use(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<void> {
    const now = this.clock.now();
    const result = await within(this.tokens, manager).update(
      { tokenHash: hashAccountToken(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    if (result.affected !== 1) throw new BadRequestException(TOKEN_INVALID);
  }

  /** Ends every open token of this user and purpose (a password set otherwise makes reset links moot). */
  async endAll(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await within(this.tokens, manager).update({ userId, purpose, usedAt: IsNull() }, { usedAt: this.clock.now() });
  }
}
