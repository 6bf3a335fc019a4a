import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Set on a request whose caller shows its own error (forms show it beside the fields). */
export const HANDLES_ERRORS = new HttpContextToken<boolean>(() => false);

/** Request options for a call whose errors the caller shows itself. */
export const handlesErrors = () => ({ context: new HttpContext().set(HANDLES_ERRORS, true) });
