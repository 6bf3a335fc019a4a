import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { IDEMPOTENCY_TTL_HOURS } from '@casustafel/contract/meeting-rules';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { newId } from '../database/ids';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { SecretBox } from '../privacy/secret-box';
import { IdempotencyKey } from './idempotency-key.entity';

/** A request under a key: its user, the key, method and path, and its body (as parsed JSON). */
export interface IdempotentRequest {
  userId: string;
  key: string;
  route: string;
  body: unknown;
}

/** What to do with a request: run it (it holds the key now), or answer what the first one answered. */
export type Claim = { run: true; id: string } | { run: false; status: number; body: unknown };

export const KEY_IN_USE_ELSEWHERE =
  'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik per formulierverzending een nieuwe sleutel.';
export const STILL_RUNNING = 'Dit verzoek is nog bezig. Wacht even en kijk of het gelukt is voordat je het opnieuw probeert.';

/** How long a repeat waits for the first request under its key to finish, and how often it looks. */
const WAIT_MS = 5_000;
const POLL_MS = 25;
/** A PENDING key older than this belongs to a request that never finished (a crashed process): it is taken over. */
const ABANDONED_MS = 2 * 60_000;

/**
 * Idempotency keys (ADR 0016): one record per click. The first request under a user's key claims it
 * (a unique index on user and key decides between two at once), runs, and leaves its answer; a repeat
 * within 24 hours gets that answer, or waits for it while the first still runs. A failed first request
 * leaves nothing: its key is free again. Keys never cross users: the user is part of the key.
 */
@Injectable()
export class IdempotencyService {
  private readonly box: SecretBox;

  constructor(
    @InjectRepository(IdempotencyKey) private readonly keys: Repository<IdempotencyKey>,
    private readonly units: UnitOfWork,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.dataKey, 'idempotent response');
  }

  /** Claims the key for this request, or returns the first answer under it (waiting while it runs). */
  async claim(request: IdempotentRequest): Promise<Claim> {
    const hash = this.box.mac(`${request.route}\u0000${canonicalJson(request.body)}`, request.userId);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = await this.keys.findOneBy({ userId: request.userId, key: request.key });
      if (found && this.stale(found)) {
        await this.units.run((manager) => manager.withRepository(this.keys).delete({ id: found.id, state: found.state }));
        continue;
      }
      if (!found) {
        const id = newId();
        try {
          await this.units.run((manager) =>
            manager.withRepository(this.keys).insert({
              id,
              userId: request.userId,
              key: request.key,
              route: request.route,
              requestHash: hash,
              state: 'PENDING',
              responseStatus: null,
              responseBody: null,
              createdAt: this.clock.now(),
            }),
          );
          return { run: true, id };
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
      }
      if (found.route !== request.route || found.requestHash !== hash) throw new UnprocessableEntityException(KEY_IN_USE_ELSEWHERE);
      if (found.state === 'DONE') {
        const body = JSON.parse(this.box.open(found.responseBody!, sealedFor(found))) as { body: unknown };
        return { run: false, status: found.responseStatus!, body: body.body };
      }
      if (Date.now() >= deadline) throw new ConflictException(STILL_RUNNING);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The first request succeeded: its answer, sealed, is what repeats get. */
  async complete(id: string, owner: { userId: string; key: string }, status: number, body: unknown): Promise<void> {
    const sealed = this.box.seal(JSON.stringify({ body: body ?? null }), sealedFor(owner));
    await this.units.run((manager) =>
      manager.withRepository(this.keys).update({ id, state: 'PENDING' }, { state: 'DONE', responseStatus: status, responseBody: sealed }),
    );
  }

  /** The first request failed: the key is free again, a retry runs anew. */
  async release(id: string): Promise<void> {
    await this.units.run((manager) => manager.withRepository(this.keys).delete({ id, state: 'PENDING' }));
  }

  /** Deletes the keys older than 24 hours (the daily retention job); returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.units.run((manager) =>
      manager.withRepository(this.keys).delete({ createdAt: LessThan(this.expiredBefore()) }),
    );
    return result.affected ?? 0;
  }

  private expiredBefore(): Date {
    return new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000);
  }

  private stale(key: IdempotencyKey): boolean {
    if (key.createdAt < this.expiredBefore()) return true;
    return key.state === 'PENDING' && key.createdAt.getTime() < this.clock.now().getTime() - ABANDONED_MS;
  }
}

/** The additional authenticated data of a sealed answer: it opens only for its own user and key. */
function sealedFor(owner: { userId: string; key: string }): string {
  return `${owner.userId}\u0000${owner.key}`;
}

/** JSON with the keys of every object sorted: the same body sent with its fields in another order hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
