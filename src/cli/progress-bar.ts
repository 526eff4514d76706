// A small progress bar for a terminal (stderr): counts, rate and time left, redrawn at most ten times
// a second. Lines logged while it runs appear above it.
import { forTerminal } from './terminal-text.js';
import type { TFunction } from 'i18next';

export interface ProgressCounts {
  sent: number;
  failed: number;
  unknown: number;
  skipped: number;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`
    : `${m}:${String(r).padStart(2, '0')}`;
}

export class ProgressBar {
  private counts: ProgressCounts = { sent: 0, failed: 0, unknown: 0, skipped: 0 };
  private readonly started = Date.now();
  private lastDraw = 0;
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    private readonly t: TFunction,
    private readonly total: number,
  ) {}

  update(counts: ProgressCounts): void {
    this.counts = counts;
    const now = Date.now();
    if (now - this.lastDraw >= 100) this.draw();
    else if (!this.timer) this.timer = setTimeout(() => this.draw(), 100);
  }

  /** Writes a line above the bar. */
  log(line: string): void {
    this.clear();
    this.stream.write(forTerminal(line) + '\n');
    this.draw();
  }

  done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.draw();
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
  }

  private draw(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastDraw = Date.now();
    const c = this.counts;
    const done = c.sent + c.failed + c.unknown + c.skipped;
    const elapsed = (Date.now() - this.started) / 1000;
    const worked = c.sent + c.failed + c.unknown;
    const rate = elapsed > 0 ? worked / elapsed : 0;
    const eta = rate > 0 ? (this.total - done) / rate : NaN;
    const text = this.t('batch:progress', {
      done,
      total: this.total,
      sent: c.sent,
      failed: c.failed,
      unknown: c.unknown,
      rate: rate.toFixed(1),
      eta: clock(eta),
    });
    const columns = this.stream.columns || 80;
    const width = Math.max(10, Math.min(40, columns - text.length - 4));
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `;
    this.clear();
    this.stream.write((bar + text).slice(0, Math.max(20, columns - 1)));
    this.drawn = true;
  }
}
