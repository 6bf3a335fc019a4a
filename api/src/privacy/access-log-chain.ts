import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { AccessLogEntry } from './access-log-entry.entity';

/** The previous hash of the first entry. */
export const GENESIS = '0'.repeat(64);

/** Marker of entries chained with HMAC-SHA-256 under the chain key. */
export const KEYED_CHAIN = 'HMAC1';

// `purpose` (issue #14) is optional: entries written before it have none, and their hash leaves it out.
export type ChainFields = Omit<AccessLogEntry, 'hash' | 'purpose'> & { purpose?: string | null };

/**
 * The keys of the access log, derived from CASUSTAFEL_DATA_KEY with HKDF, one per purpose (as the
 * identity cipher derives its own): the chain key makes each entry's hash, the anchor key signs
 * the head kept outside the database. Whoever holds only the database holds neither.
 */
export function accessLogKeys(dataKey: Buffer): { chainKey: Buffer; anchorKey: Buffer } {
  const salt = Buffer.from('casustafel');
  return {
    chainKey: Buffer.from(hkdfSync('sha256', dataKey, salt, 'access log chain v1', 32)),
    anchorKey: Buffer.from(hkdfSync('sha256', dataKey, salt, 'access log anchor v1', 32)),
  };
}

/**
 * The hash of entries written before the keyed chain (chain = null): plain SHA-256, exactly as
 * those versions computed it, so that deployed logs keep verifying. Anyone can recompute it, which
 * is why a legacy entry may only stand before the first keyed one.
 */
export function legacyHash(e: ChainFields): string {
  const fields: unknown[] = [
    e.seq,
    e.at.toISOString(),
    e.userId,
    e.organisationId,
    e.role,
    e.networkId,
    e.caseId,
    e.action,
    e.level,
    e.context,
    e.ip,
    e.outcome,
    e.prevHash,
  ];
  if (e.questionId) fields.push(e.questionId);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** HMAC-SHA-256 over every field of the entry, the previous hash included. */
export function keyedHash(chainKey: Buffer, e: ChainFields): string {
  const fields: unknown[] = [
    e.chain,
    e.seq,
    e.eventId,
    e.at.toISOString(),
    e.userId,
    e.organisationId,
    e.role,
    e.networkId,
    e.caseId,
    e.questionId,
    e.action,
    e.level,
    e.context,
    e.ip,
    e.outcome,
    e.objectType,
    e.objectId,
    e.subjectUserId,
    e.subjectOrganisationId,
    e.subjectRole,
    e.prevHash,
  ];
  // Added with issue #14: only where there is one, so that every entry written before keeps its hash.
  if (e.purpose !== null && e.purpose !== undefined) fields.push(e.purpose);
  return createHmac('sha256', chainKey).update(JSON.stringify(fields)).digest('hex');
}

/** The hash an entry should carry, by its own chain marker; null for an unknown marker. */
export function expectedHash(chainKey: Buffer, e: ChainFields): string | null {
  if (e.chain === null || e.chain === undefined) return legacyHash(e);
  if (e.chain === KEYED_CHAIN) return keyedHash(chainKey, e);
  return null;
}
