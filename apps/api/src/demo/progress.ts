/**
 * A progress bar with an ETA for long seeds: redrawn in place on a terminal, one line per tenth
 * otherwise (logs and CI).
 */
export function progressBar(label: string, out: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastTenth = -1;
  return (done: number, total: number) => {
    const fraction = total > 0 ? done / total : 1;
    const elapsed = (performance.now() - started) / 1000;
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${(fraction * 100).toFixed(0)}%  ${clock(elapsed)} elapsed, ETA ${clock(eta)}`;
    if (out.isTTY) {
      out.write(`\r${line}`);
      if (done >= total) out.write("\n");
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      out.write(`${line}\n`);
    }
  };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
