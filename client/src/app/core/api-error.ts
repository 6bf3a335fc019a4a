import { HttpErrorResponse } from '@angular/common/http';
import { translate } from '@jsverse/transloco';
import type { ApiError } from '@casustafel/contract/errors';

/**
 * The sentence to show for a failed request: the server's own message when it sent one (always Dutch,
 * also in the English interface: ADR 0011), otherwise the client's own, in the user's language.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (body && typeof body.message === 'string' && body.message) return body.message;
    if (error.status === 0) return translate('error.offline');
  }
  return translate('error.unexpected');
}
