import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { errorMessage } from '../core/api-error';

/**
 * The life of one form submission: invalid → show the field errors; busy while the request runs;
 * the server's Dutch message beside the form when it fails.
 */
export class FormSubmit {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  async run(form: FormGroup, action: () => Promise<unknown>): Promise<boolean> {
    if (form.invalid) {
      form.markAllAsTouched();
      return false;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      this.error.set(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
