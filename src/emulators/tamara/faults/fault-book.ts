import { randomUUID } from 'node:crypto';
import type { FaultInput, FaultKind, FaultRule } from './fault-rule';

export interface ActiveFault {
  id: string;
  rule: FaultRule;
  /** API route, webhook event type, or `*`. */
  route: string;
  /** Uses left; null = until cleared. */
  remaining: number | null;
}

type RuleOf<K extends FaultKind> = Extract<FaultRule, { kind: K }>;

/** The faults currently armed, in the order they were set. */
export class FaultBook {
  private faults: ActiveFault[] = [];

  add(input: FaultInput): ActiveFault {
    const { route, times, ...rule } = input;
    const fault: ActiveFault = { id: randomUUID(), rule: rule as FaultRule, route: route ?? '*', remaining: times ?? null };
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Removes every fault (or one by id) and returns what was removed. */
  clear(id?: string): ActiveFault[] {
    const removed = this.faults.filter((fault) => id === undefined || fault.id === id);
    this.faults = this.faults.filter((fault) => !removed.includes(fault));
    return removed;
  }

  /** The first armed fault of `kind` for `route`, without using it up. */
  peek<K extends FaultKind>(kind: K, route: string): (ActiveFault & { rule: RuleOf<K> }) | undefined {
    return this.faults.find((fault) => fault.rule.kind === kind && (fault.route === '*' || fault.route === route)) as
      | (ActiveFault & { rule: RuleOf<K> })
      | undefined;
  }

  /** Uses one application of `fault`; a fault whose uses run out is disarmed. */
  consume(fault: ActiveFault): void {
    if (fault.remaining === null) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate.id !== fault.id);
  }

  /** Peek and consume in one step. */
  take<K extends FaultKind>(kind: K, route: string): RuleOf<K> | undefined {
    const fault = this.peek(kind, route);
    if (!fault) return undefined;
    this.consume(fault);
    return fault.rule;
  }
}
