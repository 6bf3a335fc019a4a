import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { MfaRecoveryCodesView, MfaSetupView, SessionView } from '@casustafel/contract/account';
import { handlesErrors } from '../core/http-context';

/** Six digits from the app, or a recovery code (two groups of five, with or without the hyphen): as MfaCodeDto. */
export const MFA_CODE = /^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/;

/**
 * The owner's own account (issue #11): activation and reset by a link from an e-mail, the password,
 * the second factor and the sessions. Every form shows its own error beside the fields.
 */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  activate(token: string, password: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/activate', { token, password }, handlesErrors()));
  }
  requestReset(email: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password-reset', { email }, handlesErrors()));
  }
  confirmReset(token: string, password: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password-reset/confirm', { token, password }, handlesErrors()));
  }
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password', { currentPassword, newPassword }, handlesErrors()));
  }

  mfaSetup(): Promise<MfaSetupView> {
    return firstValueFrom(this.http.post<MfaSetupView>('/api/auth/mfa/setup', {}, handlesErrors()));
  }
  mfaConfirm(code: string): Promise<MfaRecoveryCodesView> {
    return firstValueFrom(this.http.post<MfaRecoveryCodesView>('/api/auth/mfa/confirm', { code }, handlesErrors()));
  }
  mfaDisable(password: string, code: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/mfa/disable', { password, code }, handlesErrors()));
  }

  sessions(): Promise<SessionView[]> {
    return firstValueFrom(this.http.get<SessionView[]>('/api/auth/sessions'));
  }
  endSession(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`));
  }
}
