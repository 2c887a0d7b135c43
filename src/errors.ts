/** A problem the user must fix before the run can start (bad config, bad flag, missing git ref). Exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'UsageError';
  }

  /** `file:line:column: message`, the shape editors and terminals turn into links. */
  format(): string {
    if (!this.file) return this.message;
    const where = this.line ? `${this.file}:${this.line}:${this.column ?? 1}` : this.file;
    return `${where}: ${this.message}`;
  }
}
