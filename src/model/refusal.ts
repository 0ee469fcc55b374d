/**
 * An input a run cannot answer, with the reason in words a user can act on: it names the flag
 * and says what is allowed (`the money of this run passes what a double holds: shorten
 * --years`). The model and the report builders throw it; the CLI says its message on one line
 * and exits 2, as for any usage error. Told apart by name, not class identity: each lazily
 * loaded file of the build carries its own copy of the class.
 *
 * @example throw new Refusal('--depth must be at most 10,000 for this run')
 */
export class Refusal extends Error {
  override name = 'Refusal';
}
