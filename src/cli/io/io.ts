/** Everything the CLI touches outside itself, so tests can run `main` in-process. */
export interface Io {
  /** Writes to stdout: text, or bytes of a binary format (xlsx) when stdout is not a terminal. */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, chart width). */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  stderrIsTTY: boolean;
  /** Terminal width, when known. */
  columns: number | undefined;
  /**
   * The bytes of a file (`-`: standard input), at most `limit` of them: past that it
   * rejects with a {@link TooLarge}, without reading the rest.
   */
  readBytes(path: string, limit: number): Promise<Uint8Array>;
  /**
   * Fires when the user interrupts (Ctrl-C: SIGINT) or the process is told to stop (SIGTERM,
   * SIGHUP); returns a function that stops listening. A signal that comes while nothing
   * listens ends the process at once (see run.ts).
   */
  onInterrupt(listener: (signal: StopSignal) => void): () => void;
}

/** The signals that stop a run, and the exit code of each (128 + its number). */
export const stopSignals = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof stopSignals;

/** A run stopped by a signal: "interrupted" on stderr, nothing on stdout, exit 128 + its number. */
export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor(readonly signal: StopSignal = 'SIGINT') {
    super('interrupted');
  }
}

/** A file past the size `fans` reads. */
export class TooLarge extends Error {
  override name = 'TooLarge';
}

/** A user mistake: one line on stderr, exit code 2, nothing on stdout. */
export class UsageError extends Error {
  override name = 'UsageError';
}
