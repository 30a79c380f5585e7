/**
 * Spaces starts evenly at `perSecond` across every caller of one process: each `wait()`
 * takes the next free slot. The clock and sleep are the tests' to replace.
 */
export class Rate {
  private nextSlot = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async wait(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.perSecond;
    if (slot > now) await this.sleep(slot - now);
  }
}
