import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginResponse, MeView } from '@casustafel/contract/auth';
import { handlesErrors } from './http-context';

/** The signed-in user. `undefined` while loading, `null` when nobody is signed in. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly current = signal<MeView | null | undefined>(undefined);

  readonly me = this.current.asReadonly();
  readonly isAdmin = computed(() => this.current()?.isAdmin ?? false);
  readonly networks = computed(() => this.current()?.networks ?? []);

  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.http.get<MeView>('/api/auth/me', handlesErrors())));
    } catch {
      this.current.set(null);
    }
  }

  /** Throws the HttpErrorResponse on failure, for the login form to show. */
  async login(email: string, password: string): Promise<MeView> {
    const res = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { email, password }, handlesErrors()));
    // A second factor is asked for (issue #11): the client's code step is built separately.
    if (res.mfaRequired) throw new Error('mfaRequired');
    this.current.set(res.user);
    return res.user;
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
