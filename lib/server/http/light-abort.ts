import "server-only";

/**
 * What the server's request handling reads of an abort signal: an `AbortSignal` is one, and
 * LightAbort's signal is a cheaper one. Node's `AbortSignal` is an `EventTarget`: adding and removing
 * one listener costs ~4–5 µs on this machine even in hot code (an emitter's ~0.25 µs), far more in
 * a request's cold code, and the gateway did it four times per chat (docs/ARCHITECTURE.md, "What a
 * proxied chat costs per request").
 */
export interface AbortLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** An abort that is a plain object with a list of listeners, each called once, as an `AbortController`'s. */
export class LightAbort {
  readonly signal: AbortLike & { aborted: boolean; reason: unknown };
  private listeners: (() => void)[] = [];

  constructor() {
    // Arrow functions: they read `this.listeners`, which abort() replaces.
    this.signal = {
      aborted: false,
      reason: undefined,
      addEventListener: (_type, listener) => {
        // As with an AbortSignal: a listener added after the abort is never called.
        if (!this.signal.aborted) this.listeners.push(listener);
      },
      removeEventListener: (_type, listener) => {
        const index = this.listeners.indexOf(listener);
        if (index !== -1) this.listeners.splice(index, 1);
      },
    };
  }

  /** Aborts once (later calls do nothing) and calls each listener; one that throws does not stop the others. */
  abort(reason: unknown = new DOMException("This operation was aborted", "AbortError")): void {
    if (this.signal.aborted) return;
    this.signal.aborted = true;
    this.signal.reason = reason;
    const called = this.listeners;
    this.listeners = [];
    for (const listener of called) {
      try {
        listener();
      } catch (error) {
        // Reported as an EventTarget reports a listener's error: as an uncaught exception, later.
        process.nextTick(() => {
          throw error;
        });
      }
    }
  }
}
