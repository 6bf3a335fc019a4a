/** The current time, injectable so that tests can move it (session expiry, throttling, due dates). */
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock for tests: starts at a given moment and only moves when told. */
export class FixedClock extends Clock {
  constructor(private current: Date = new Date('2026-11-02T09:00:00Z')) {
    super();
  }
  override now(): Date {
    return new Date(this.current.getTime());
  }
  advanceDays(days: number): void {
    this.advanceMinutes(days * 24 * 60);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}
