import type { LoggerService } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { Factories } from './factories';
import { TestApp } from './test-app';

export interface TestAppOptions {
  /** Settings on top of the test defaults; a function is called when the app starts (for a folder made in that hook). */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Receives everything the app logs (by default nothing is logged). */
  logger?: LoggerService;
  /** The app logs as in production, through its JSON (pino) logger, into this stream instead (see TestApp.start). */
  logDestination?: DestinationStream;
  /**
   * Moves the test clock this far before every test. 0.1 keeps the sessions alive (well inside the idle
   * timeout) while every test writes at its own moment; 2 starts every test in a quiet throttling minute.
   * Left out, the clock only moves where a test moves it.
   */
  minutesBetweenTests?: number;
  /** A fresh app for every test (beforeEach/afterEach) instead of one for the whole `describe`. */
  perTest?: boolean;
}

/**
 * The set-up every API spec shares: starts a {@link TestApp} with {@link Factories} for the enclosing
 * `describe`, closes it afterwards and, if asked, moves the clock before every test. Call it first in the
 * `describe`, so that its hooks run before the spec's own:
 *
 * ```ts
 * describe('Cases', () => {
 *   const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
 *   let s: Staffed;
 *   beforeAll(async () => (s = await make.staffedNetwork()));
 * ```
 *
 * `t` and `make` stand in for the app and the factories the hook starts (a new pair per test with
 * `perTest`), so they can be named at once and used in any later hook or test; using them before the app
 * has started throws.
 */
export function useTestApp(options: TestAppOptions = {}): { t: TestApp; make: Factories } {
  let current: { t: TestApp; make: Factories } | undefined;
  const start = async () => {
    const env = typeof options.env === 'function' ? options.env() : options.env;
    const t = await TestApp.start(env, { logger: options.logger, logDestination: options.logDestination });
    current = { t, make: await Factories.for(t) };
  };
  const close = () => current?.t.close();
  if (options.perTest) {
    beforeEach(start);
    afterEach(close);
  } else {
    beforeAll(start);
    afterAll(close);
  }
  const step = options.minutesBetweenTests;
  if (step !== undefined) beforeEach(() => current?.t.clock.advanceMinutes(step));
  return { t: standIn('t', () => current?.t), make: standIn('make', () => current?.make) };
}

/** An object that forwards every use to what `current` returns at that moment. */
function standIn<T extends object>(name: string, current: () => T | undefined): T {
  const target = (): T => {
    const value = current();
    if (!value)
      throw new Error(
        `useTestApp(): '${name}' was used before the app started; use it in a test or in a hook declared after useTestApp().`,
      );
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const real = target();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}
