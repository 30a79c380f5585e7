/** An item waiting in a batcher, and how to answer whoever queued it. */
export interface Queued<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Opportunistic batching: when the database keeps up, each item is written alone as it
 * arrives; under load, items that arrive while `maxInFlight` batches are being written are
 * written together by the next one (at most `maxBatch`). No timer: nothing waits that did not
 * have to. `flush` answers every item of its batch.
 */
export class Batcher<Item, Result> {
  private queue: Array<Queued<Item, Result>> = [];
  private inFlight = 0;

  constructor(
    private readonly flush: (batch: Array<Queued<Item, Result>>) => Promise<void>,
    private readonly limits: { maxInFlight: number; maxBatch: number },
  ) {}

  add(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.limits.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.limits.maxBatch);
      this.inFlight++;
      void this.flush(batch)
        .catch((error: unknown) => {
          for (const queued of batch) queued.reject(error);
        })
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
