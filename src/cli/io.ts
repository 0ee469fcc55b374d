/** Everything the CLI touches outside itself, so tests can run `main` in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, chart width). */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  stderrIsTTY: boolean;
  /** Terminal width, when known. */
  columns: number | undefined;
  /** The text of a file; `-` reads standard input. */
  readText(path: string): Promise<string>;
  /** Fires when the user interrupts (Ctrl-C); returns a function that stops listening. */
  onInterrupt(listener: () => void): () => void;
}

/** A user mistake: one line on stderr, exit code 2, nothing on stdout. */
export class UsageError extends Error {
  override name = 'UsageError';
}
