import type { ValidatorFn } from '@angular/forms';

/** Today in the user's calendar, as the `yyyy-mm-dd` of an `<input type="date">`. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date from today on (a due date): `{ dateInPast: true }` otherwise. Empty is left to `required`. */
export const notInPast: ValidatorFn = (control) => {
  const value = control.value as string | null;
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { invalidDate: true };
  return value < todayIso() ? { dateInPast: true } : null;
};

/** A date up to today (a date of birth): `{ dateInFuture: true }` otherwise. Empty is left to `required`. */
export const notInFuture: ValidatorFn = (control) => {
  const value = control.value as string | null;
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { invalidDate: true };
  return value > todayIso() ? { dateInFuture: true } : null;
};
