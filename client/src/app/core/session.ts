import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginResponse, MeView } from '@casustafel/contract/auth';
import { handlesErrors } from './http-context';

/** After the password: signed in, or a code from the authenticator app is asked first. */
export type LoginOutcome = 'signedIn' | 'mfaRequired';

const NO_MFA: MeView['mfa'] = { enabled: false, enrolmentRequired: false };

/** The signed-in user. `undefined` while loading, `null` when nobody is signed in. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly current = signal<MeView | null | undefined>(undefined);

  readonly me = this.current.asReadonly();
  readonly isAdmin = computed(() => this.current()?.isAdmin ?? false);
  readonly networks = computed(() => this.current()?.networks ?? []);
  readonly mfa = computed(() => this.current()?.mfa ?? NO_MFA);

  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.http.get<MeView>('/api/auth/me', handlesErrors())));
    } catch {
      this.current.set(null);
    }
  }

  /** Throws the HttpErrorResponse on failure, for the login form to show. */
  async login(email: string, password: string): Promise<LoginOutcome> {
    const res = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { email, password }, handlesErrors()));
    if (res.mfaRequired) return 'mfaRequired';
    this.current.set(res.user);
    return 'signedIn';
  }

  /** The second step of signing in: a code from the app or a recovery code. Throws for the form to show. */
  async verifyMfa(code: string): Promise<MeView> {
    await firstValueFrom(this.http.post<LoginResponse>('/api/auth/mfa/verify', { code }, handlesErrors()));
    return this.refresh();
  }

  /** Reloads the user after a change to their account (a second factor switched on or off). Throws on failure. */
  async refresh(): Promise<MeView> {
    const me = await firstValueFrom(this.http.get<MeView>('/api/auth/me', handlesErrors()));
    this.current.set(me);
    return me;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', {}, handlesErrors()));
    } finally {
      this.current.set(null);
    }
  }

  /** After a 401: the server no longer knows this session. */
  clear(): void {
    this.current.set(null);
  }
}
