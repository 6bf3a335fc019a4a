import { HttpContext, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { signal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError } from '@casustafel/contract/errors';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { errorMessage } from '../core/api-error';
import { HANDLES_ERRORS } from '../core/http-context';

/**
 * One submission of a form: the request options to send with it — an `Idempotency-Key` that is the same
 * for every request of this submission (a retry or a double click gives the first result, not a second
 * record), and the marker that the form shows its own errors (so no snackbar, no page-level error).
 */
export interface Submission {
  readonly idempotencyKey: string;
  readonly options: { headers: HttpHeaders; context: HttpContext };
}

export function newSubmission(): Submission {
  const idempotencyKey = crypto.randomUUID();
  return {
    idempotencyKey,
    options: { headers: new HttpHeaders({ [IDEMPOTENCY_HEADER]: idempotencyKey }), context: new HttpContext().set(HANDLES_ERRORS, true) },
  };
}

/** Request options for a call of a form that is not a create (no idempotency key needed), whose errors the form shows. */
export interface RequestOptions {
  headers?: HttpHeaders;
  context?: HttpContext;
}

export interface RunOptions {
  /**
   * Where the server's field names (`fields` keys, dotted paths of the DTO such as `client.postcode`) differ
   * from the form's control paths: DTO path → control path. Unlisted names are looked up as they are.
   */
  fieldMap?: Record<string, string>;
}

/**
 * The life of one form submission: invalid → every field shows its error and the error summary lists
 * them; busy while the request runs (a second click meanwhile does nothing); when the server refuses,
 * its per-field messages (`fields` of the 400 body) land on the form's controls as a `server` error
 * (cleared as soon as the field is edited, because editing re-runs the validators), the rest of its
 * message goes to the summary, and nothing typed is touched.
 * The action receives the submission's request options (pass `submission.options` to HttpClient).
 */
export class FormSubmit {
  readonly busy = signal(false);
  /** The sentence for the summary that belongs to no field (the server's message, or a client-side rule). */
  readonly error = signal<string | null>(null);
  /** Counts failed attempts (invalid form or refused by the server): the error summary shows and takes focus on each. */
  readonly failures = signal(0);

  async run(form: FormGroup, action: (submission: Submission) => Promise<unknown>, options: RunOptions = {}): Promise<boolean> {
    if (this.busy()) return false;
    this.error.set(null);
    if (form.invalid) {
      form.markAllAsTouched();
      this.failures.update((n) => n + 1);
      return false;
    }
    this.busy.set(true);
    try {
      await action(newSubmission());
      this.failures.set(0);
      return true;
    } catch (error) {
      const unplaced = placeServerFieldErrors(form, error, options.fieldMap ?? {});
      const fields = serverFields(error);
      // When every field message found its field, the fields say it all; otherwise the sentence does.
      if (!fields || unplaced.length > 0) this.error.set(unplaced.length > 0 && fields ? unplaced.join(' ') : errorMessage(error));
      this.failures.update((n) => n + 1);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** Before a confirmation dialog: whether the form may be sent; if not, its errors and the summary show. */
  check(form: FormGroup): boolean {
    if (form.valid) return true;
    this.error.set(null);
    form.markAllAsTouched();
    this.failures.update((n) => n + 1);
    return false;
  }

  /** A rule the form checks itself before sending (a reason that is required for this status): shown in the summary. */
  fail(message: string): void {
    this.error.set(message);
    this.failures.update((n) => n + 1);
  }

  /** After the form was reset or closed: no summary any more. */
  clear(): void {
    this.error.set(null);
    this.failures.set(0);
  }
}

function serverFields(error: unknown): Record<string, string[]> | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return null;
  const fields = (error.error as Partial<ApiError> | null)?.fields;
  return fields && typeof fields === 'object' && Object.keys(fields).length > 0 ? fields : null;
}

/**
 * Puts each server field message on its control (`{ server: 'sentence' }`, touched so it shows). Returns
 * the messages that have no control in this form.
 */
export function placeServerFieldErrors(form: FormGroup, error: unknown, fieldMap: Record<string, string> = {}): string[] {
  const fields = serverFields(error);
  if (!fields) return [];
  const unplaced: string[] = [];
  for (const [name, messages] of Object.entries(fields)) {
    const control: AbstractControl | null = form.get(fieldMap[name] ?? name);
    if (!control || control === form) {
      unplaced.push(...messages);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
    control.markAsTouched();
  }
  return unplaced;
}
