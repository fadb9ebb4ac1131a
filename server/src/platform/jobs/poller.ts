/** Where background work reports trouble: the app's logger (pino), or the console outside the server. */
export interface BackgroundLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const consoleLog: BackgroundLog = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

/** A background loop: one pass at a time, every `intervalMs`, or at once when kicked. */
export interface Poller {
  start(): void;
  /** Asks for a pass as soon as possible; a pass already running is followed by one more. */
  kick(): void;
  /** Stops the loop and waits for a pass in progress, so the database can close after it. */
  stop(): Promise<void>;
}

export function createPoller(options: { intervalMs: number; run: () => Promise<unknown>; onError: (error: unknown) => void }): Poller {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    // A waiting loop must not keep a finished process (CLI, tests) alive.
    timer.unref();
  }

  async function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = options.run().then(
      () => undefined,
      (error: unknown) => options.onError(error),
    );
    await running;
    running = null;
    const soon = again;
    again = false;
    schedule(soon ? 0 : options.intervalMs);
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    kick() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
