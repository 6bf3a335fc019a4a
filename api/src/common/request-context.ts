import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** What one request carries along its asynchronous path, without passing it through every call. */
interface RequestContext {
  /** Request DTOs with free text that the identity guard has not checked yet. */
  uncheckedFreeText: Set<object>;
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
