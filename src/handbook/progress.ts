/** Reports what a long build is doing. */
export interface Progress {
  stage(text: string): void;
  /** `done` of `total` items of the current stage. */
  count(done: number, total: number): void;
  done(): void;
}

export const silentProgress: Progress = { stage() {}, count() {}, done() {} };

/**
 * One line on the terminal, rewritten in place (stderr, so stdout stays clean for pipes). Off when
 * the stream is not a terminal: logs and CI get no control characters.
 */
export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return silentProgress;
  let current = '';
  let lastDrawn = -1;
  const draw = (text: string) => {
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };
  return {
    stage(text) {
      current = text;
      lastDrawn = -1;
      draw(`sop build: ${text}`);
    },
    count(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === lastDrawn) return;
      lastDrawn = percent;
      draw(`sop build: ${current} ${done}/${total} (${percent}%)`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
