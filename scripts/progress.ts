import { SingleBar } from 'cli-progress';

/** A progress bar on a terminal, a plain line every tenth of the way otherwise; silent when disabled. */
export function createProgress(enabled: boolean) {
  const tty = enabled && process.stderr.isTTY;
  let bar: SingleBar | null = null;
  let lastTenth = -1;
  return {
    update({ rows, fraction }: { rows: number; fraction: number }) {
      if (!enabled) return;
      if (tty) {
        if (!bar) {
          bar = new SingleBar({
            format: 'importing [{bar}] {percentage}% | {rows} rows',
            stream: process.stderr,
          });
          bar.start(100, 0, { rows: 0 });
        }
        bar.update(Math.round(fraction * 100), { rows });
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.error(`importing: ${tenth * 10}% (${rows} rows)`);
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
