// A small CLI progress bar on stderr (redrawn in place on a TTY, one line per 10 % otherwise).
export function progressBar(label: string, total: number) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const started = Date.now();
  return {
    update(done: number) {
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (tty) {
        const width = 30;
        const bar = "█".repeat(Math.round(frac * width)).padEnd(width, "░");
        process.stderr.write(`\r${label} ${bar} ${Math.round(frac * 100)}% (${done}/${total}, ${secs}s)`);
      } else if (Math.floor(frac * 10) > lastDecile) {
        lastDecile = Math.floor(frac * 10);
        process.stderr.write(`${label} ${Math.round(frac * 100)}% (${done}/${total}, ${secs}s)\n`);
      }
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
