import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { confirmAction } from './confirm-dialog';

/** A page that holds input not yet saved: the router asks before leaving it, the browser before a reload. */
export interface HoldsUnsavedInput {
  hasUnsavedInput(): boolean;
}

/** Route guard (canDeactivate): asks in a dialog whether to leave and discard what was typed. */
export const confirmLeaveWithUnsavedInput: CanDeactivateFn<HoldsUnsavedInput> = (page) => {
  if (!page?.hasUnsavedInput?.()) return true;
  const i18n = inject(TranslocoService);
  return confirmAction(inject(MatDialog), {
    title: i18n.translate('unsaved.title'),
    message: i18n.translate('unsaved.message'),
    confirm: i18n.translate('unsaved.leave'),
    cancel: i18n.translate('unsaved.stay'),
  });
};

/**
 * For a page's `@HostListener('window:beforeunload', ['$event'])`: the browser asks before a reload or
 * closing the tab discards unsaved input (browsers show their own text).
 */
export function warnBeforeUnload(page: HoldsUnsavedInput, event: BeforeUnloadEvent): void {
  if (page.hasUnsavedInput()) event.preventDefault();
}
