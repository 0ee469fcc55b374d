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
  /** Fires when the user interrupts (Ctrl-C); returns a function that stops listening. */
  onInterrupt(listener: () => void): () => void;
}

/** A file past the size `fans` reads. */
export class TooLarge extends Error {
  override name = 'TooLarge';
}

/** A user mistake: one line on stderr, exit code 2, nothing on stdout. */
export class UsageError extends Error {
  override name = 'UsageError';
}
