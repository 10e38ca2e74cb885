import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs`, never overlapping itself in this process (other replicas are kept
 * apart by the database claims), and can be kicked to run right away (e.g. after a webhook).
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly logger: Logger;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly observe?: (seconds: number) => void,
  ) {
    this.logger = new Logger(`Job:${name}`);
  }

  start(): void {
    this.stopped = false;
    this.schedule(this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Run as soon as possible (coalesced with a run already in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    const started = process.hrtime.bigint();
    try {
      await this.work();
    } catch (error) {
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'Job run failed');
    } finally {
      this.observe?.(Number(process.hrtime.bigint() - started) / 1e9);
      this.running = false;
      const next = this.again ? 0 : this.intervalMs;
      this.again = false;
      this.schedule(next);
    }
  }
}
