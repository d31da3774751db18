// A progress bar for long CLI work: one line that rewrites itself on a terminal (done / total, the
// current item), failures printed with their reasons as they happen; plain lines otherwise (logs, CI).
export interface Progress {
  /** One item finished: `failure` is its reason when it failed. */
  step(current: string, failure?: string): void;
  end(): void;
}

export function progress(label: string, total: number, out: NodeJS.WriteStream = process.stderr): Progress {
  const tty = out.isTTY;
  let done = 0;
  const draw = (current: string) => {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (tty) out.write(`\r\x1b[2K${label} ${bar} ${current.slice(0, 60)}`);
  };
  return {
    step(current, failure) {
      done++;
      draw(current);
      if (failure) {
        if (tty) out.write('\n');
        console.error(`  failed: ${current}: ${failure}`);
      } else if (!tty) console.log(`${label} ${done}/${total} ${current}`);
    },
    end() {
      if (tty) out.write('\n');
    },
  };
}
