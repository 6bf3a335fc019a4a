import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@casustafel/contract/errors';

/** The Dutch sentence to show for a failed request: the server's own message when it sent one. */
export function errorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (body && typeof body.message === 'string' && body.message) return body.message;
    if (error.status === 0) return 'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.';
  }
  return 'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.';
}
