/*
 * The simulator's clock: the backend's clock plus an adjustable offset, so tests can move
 * the portal's time (expire a 3-minute code, make the kiosk's clock look skewed) without
 * sleeping. Code expiry, `checkedAt` and the HTTP `Date` header all read this clock.
 */

/** The simulator's adjustable clock. */
export class SimClock {
  private offset = 0;

  constructor(private readonly base: () => Date) {}

  /** The simulator's current time. */
  now(): Date {
    return new Date(this.base().getTime() + this.offset);
  }

  /** The current offset from the backend's clock, in ms. */
  offsetMs(): number {
    return this.offset;
  }

  /** Sets the offset (ms, may be negative). */
  setOffsetMs(offsetMs: number): void {
    this.offset = offsetMs;
  }
}
