import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ApiError } from '@casustafel/contract/errors';

/**
 * The server's per-field messages (`fields` of a 400 body) put on the form's controls as a `server` error,
 * so that each shows beside its field; the error clears when the field changes. Returns whether any matched.
 */
export function showServerFieldErrors(form: FormGroup, error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  const fields = (error.error as Partial<ApiError> | null)?.fields ?? {};
  let matched = false;
  for (const [name, messages] of Object.entries(fields)) {
    const control = form.get(name);
    if (!control || !messages?.length) continue;
    control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
    control.markAsTouched();
    matched = true;
  }
  return matched;
}

/** A date (YYYY-MM-DD) not before the given day (YYYY-MM-DD), e.g. today in Amsterdam; `kept` (a date set before) may stay. */
export function notBefore(earliest: () => string, kept?: string): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    control.value && control.value !== kept && control.value < earliest() ? { past: { earliest: earliest() } } : null;
}
