import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { AccessRole } from '@casustafel/contract/permissions';

/** What the access guard resolved about the request's object: its network and the caller's role there. */
export interface ResolvedAccess {
  type: string;
  id: string;
  networkId: string | null;
  role: AccessRole | null;
}

/** What one request carries along its asynchronous path, without passing it through every call. */
interface RequestContext {
  /** Request DTOs with free text that the identity guard has not checked yet. */
  uncheckedFreeText: Set<object>;
  /** Set by the access guard, so that the service behind it need not look up the same network and role again. */
  resolved?: ResolvedAccess;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Express middleware: every request runs in its own context. */
export function requestContextMiddleware(_request: Request, _response: Response, next: NextFunction): void {
  storage.run({ uncheckedFreeText: new Set() }, next);
}

/** The validation pipe registers a DTO that holds free text; the identity guard must check it before the handler returns. */
export function expectFreeTextCheck(dto: object): void {
  storage.getStore()?.uncheckedFreeText.add(dto);
}

export function markFreeTextChecked(dto: object): void {
  storage.getStore()?.uncheckedFreeText.delete(dto);
}

/** DTOs of this request whose free text reached a handler that returned without checking it. */
export function uncheckedFreeText(): object[] {
  return [...(storage.getStore()?.uncheckedFreeText ?? [])];
}

/** The access guard records what it resolved about the request's object. */
export function rememberResolvedAccess(resolved: ResolvedAccess): void {
  const store = storage.getStore();
  if (store) store.resolved = resolved;
}

/** What the access guard resolved for this object in this request, if it was this object. */
export function resolvedAccess(type: string, id: string): ResolvedAccess | undefined {
  const resolved = storage.getStore()?.resolved;
  return resolved && resolved.type === type && resolved.id === id ? resolved : undefined;
}
