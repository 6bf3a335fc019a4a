import type { ValidatorFn } from '@angular/forms';
import { todayInAmsterdam } from './amsterdam-time';

/**
 * A date from today on in Amsterdam (a due date): `{ dateInPast: true }` otherwise. On a correction, `kept`
 * (the date set before, which may have passed since) may stay. Empty is left to `required`.
 */
export function notInPast(kept?: string): ValidatorFn {
  return (control) => {
    const value = control.value as string | null;
    if (!value || value === kept) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { invalidDate: true };
    return value < todayInAmsterdam() ? { dateInPast: true } : null;
  };
}

/** A date up to today (a date of birth): `{ dateInFuture: true }` otherwise. Empty is left to `required`. */
export const notInFuture: ValidatorFn = (control) => {
  const value = control.value as string | null;
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { invalidDate: true };
  return value > todayInAmsterdam() ? { dateInFuture: true } : null;
};
