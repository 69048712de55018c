// The one error type for a bad crystal description (spec field, material name, size).
// Its message names the field and what is accepted; the CLI turns it into a UsageError (exit 2).

/** A crystal spec or material name that cannot be built. The message is one line: field, accepted values, got. */
export class CrystalSpecError extends Error {
  override readonly name = 'CrystalSpecError';
  /** The spec field at fault (e.g. "monolayers"), so a CLI can name its own flag instead. */
  readonly field: string;

  constructor(message: string, field: string) {
    super(message);
    this.field = field;
  }
}
