/**
 * Loops a feature runs in a working process besides the job queue (a dialler pacing calls):
 * each registers how to stop, and the context stops them all before the database closes.
 */
export class BackgroundWork {
  private readonly stops = new Map<string, () => Promise<void>>();

  add(name: string, stop: () => Promise<void>): void {
    this.stops.set(name, stop);
  }

  has(name: string): boolean {
    return this.stops.has(name);
  }

  async stopAll(): Promise<void> {
    const stops = [...this.stops.values()];
    this.stops.clear();
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  }
}
