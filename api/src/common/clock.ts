/** The current time, injectable so that tests can move it (session expiry, throttling, due dates). */
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Waits this long (the progressive login delay). */
  sleep(ms: number): Promise<void> {
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}

/** A clock for tests: starts at a given moment and only moves when told; it notes waits instead of waiting. */
export class FixedClock extends Clock {
  /** Every wait asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];

  constructor(private current: Date = new Date('2026-11-02T09:00:00Z')) {
    super();
  }
  override now(): Date {
    return new Date(this.current.getTime());
  }
  override sleep(ms: number): Promise<void> {
    if (ms > 0) this.sleeps.push(ms);
    return Promise.resolve();
  }
  advanceDays(days: number): void {
    this.advanceMinutes(days * 24 * 60);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}
