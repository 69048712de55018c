// User-facing errors: one clear line, exit code 2, no stack trace (handled in sim/main.ts).

/** Bad input from the user: a flag, a file, a key. The message says what was wrong and what is accepted. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Throw a UsageError unless the condition holds. */
export function require(condition: unknown, message: string): asserts condition {
  if (!condition) throw new UsageError(message);
}
