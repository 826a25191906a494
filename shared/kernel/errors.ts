/**
 * The error base every context and the edge share: a failure with a literal code. Each context
 * lists its own codes (import-export/model/errors.ts, identity/errors.ts, edge/errors.ts); each
 * surface maps the codes it can meet to its wire form in one file, a `switch` with a `never`
 * default, so an unmapped code does not compile.
 */
export class CodedError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Safe to show: becomes the error body's detail (ExtendedInformation in OData). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The failures that belong to no context: a bug, or the service's own storage out of reach. */
export type KernelCode = 'InternalError' | 'ServiceUnavailable';

export class KernelError extends CodedError<KernelCode> {}

/**
 * A write lost an optimistic-concurrency race (the version it read is no longer current).
 * Internal: use cases retry on it; it never reaches a client as such.
 */
export class ConcurrencyConflict extends Error {
  constructor(what: string) {
    super(`concurrent change of ${what}`);
    this.name = 'ConcurrencyConflict';
  }
}
