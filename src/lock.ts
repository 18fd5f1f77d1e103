// A FIFO lock: tool calls run one at a time, in arrival order, so a multi-step tool never
// interleaves with another (Resolve is single-threaded, and "current" objects are shared).
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; returns the function that releases it. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => release = r);
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}
