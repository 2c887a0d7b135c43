/** Where the progress line is written: a terminal's stderr, or a fake one in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  update(done: number, total: number): void;
  /** Clears the line, if one was drawn, so the report starts on a clean line. */
  finish(): void;
}

/**
 * A one-line "linted 340 of 1,000 files" on a terminal's stderr for long runs. Nothing is drawn for the
 * first `delayMs` (a short run stays silent), nor more often than every `intervalMs`; nothing at all when
 * the stream is not a terminal or the output is a machine format. Time is read on each update, because a
 * run on one thread keeps the event loop busy and a timer would never fire.
 */
export function progressLine(stream: ProgressStream, options: { enabled: boolean; delayMs?: number; intervalMs?: number; now?: () => number }): ProgressLine {
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delayMs ?? 2000;
  const interval = options.intervalMs ?? 100;
  let drawnAt: number | undefined;
  const active = options.enabled && stream.isTTY === true;
  const format = new Intl.NumberFormat('en');
  return {
    update(done, total) {
      if (!active) return;
      const time = now();
      if (time - started < delay || (drawnAt !== undefined && time - drawnAt < interval && done < total)) return;
      drawnAt = time;
      stream.write(`\r\u001b[2Ksop: linted ${format.format(done)} of ${format.format(total)} files`);
    },
    finish() {
      if (drawnAt !== undefined) stream.write('\r\u001b[2K');
      drawnAt = undefined;
    },
  };
}
