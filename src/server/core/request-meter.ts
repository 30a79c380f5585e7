/**
 * How many requests this process has been answering, a second at a time: background work in
 * the same process (an import) works in a smaller share of the time while people are served,
 * and at full speed when nobody is.
 */
export class RequestMeter {
  private second = 0;
  private count = 0;
  private previous = 0;

  hit(now = Date.now()): void {
    this.roll(Math.floor(now / 1000));
    this.count++;
  }

  /** Requests in the last whole second (or in this one, if more already). */
  perSecond(now = Date.now()): number {
    this.roll(Math.floor(now / 1000));
    return Math.max(this.previous, this.count);
  }

  private roll(second: number): void {
    if (second === this.second) return;
    this.previous = second === this.second + 1 ? this.count : 0;
    this.second = second;
    this.count = 0;
  }
}
