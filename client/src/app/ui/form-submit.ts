import { HttpContext, HttpHeaders } from '@angular/common/http';
import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { errorMessage } from '../core/api-error';
import { HANDLES_ERRORS } from '../core/http-context';

/**
 * One submission of a form: the request options to send with it — an `Idempotency-Key` that is the same
 * for every request of this submission (a retry or a double click gives the first result, not a second
 * record), and the marker that the form shows its own errors.
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

/**
 * The life of one form submission: invalid → show the field errors; busy while the request runs (a
 * second click meanwhile does nothing); the server's Dutch message beside the form when it fails.
 * The action receives the submission's request options (pass `submission.options` to HttpClient).
 */
export class FormSubmit {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  async run(form: FormGroup, action: (submission: Submission) => Promise<unknown>): Promise<boolean> {
    if (this.busy()) return false;
    if (form.invalid) {
      form.markAllAsTouched();
      return false;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await action(newSubmission());
      return true;
    } catch (error) {
      this.error.set(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
