import { Injectable } from '@nestjs/common';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane): strong enough
 * for a login, quick enough (~30 ms here) that a meeting room full of logins does not queue.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** A hash of nothing in particular, verified against when the account does not exist, so that the
   *  response time does not tell whether an e-mail address has an account. */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    const { argon2id } = argon2();
    return argon2().hash(password, { ...OPTIONS, type: argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      this.dummy ??= this.hash('no account has this password');
      await argon2().verify(await this.dummy, password);
      return false;
    }
    try {
      return await argon2().verify(hash, password);
    } catch {
      return false;
    }
  }
}

let loadedArgon2: typeof import('argon2') | undefined;
/** argon2 and its native addon, loaded at the first password hashed or verified rather than when the app starts (issue #15, cold start). */
function argon2(): typeof import('argon2') {
  loadedArgon2 ??= require('argon2') as typeof import('argon2');
  return loadedArgon2;
}
