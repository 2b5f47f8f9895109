// A one-line progress bar on stderr, redrawn at most every 50 ms and erased at the end.

export class Progress {
  private last = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 50) return;
    this.last = now;
    const width = Math.max(40, Math.min(this.stream.columns || 80, 120));
    const ratio = this.total ? done / this.total : 1;
    const barWidth = 24;
    const filled = Math.round(ratio * barWidth);
    const head = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${this.total} `;
    const room = width - head.length - 1;
    const tail = label.length > room ? `...${label.slice(label.length - room + 3)}` : label;
    this.stream.write(`\r${head}${room > 3 ? tail : ''}\x1b[K`);
    this.shown = true;
  }

  end(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
