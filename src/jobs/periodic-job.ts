import { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `work` every `intervalMs` through @nestjs/schedule's registry, never overlapping itself in
 * this process (other replicas are kept apart by the database claims), and can be kicked to run
 * right away (e.g. after a webhook).
 */
export class PeriodicJob {
  private running = false;
  private again = false;
  private stopped = true;
  private registry?: SchedulerRegistry;
  private readonly logger: Logger;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly observe?: (seconds: number) => void,
  ) {
    this.logger = new Logger(`Job:${name}`);
  }

  start(registry: SchedulerRegistry): void {
    this.stopped = false;
    this.registry = registry;
    const timer = setInterval(() => void this.tick(), this.intervalMs);
    timer.unref?.();
    registry.addInterval(this.name, timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.registry?.doesExist('interval', this.name)) this.registry.deleteInterval(this.name);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Run as soon as possible (coalesced with a run already in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    setImmediate(() => void this.tick());
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    const started = process.hrtime.bigint();
    try {
      do {
        this.again = false;
        await this.work();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'Job run failed');
    } finally {
      this.observe?.(Number(process.hrtime.bigint() - started) / 1e9);
      this.running = false;
    }
  }
}
