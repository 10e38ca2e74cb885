/** Source of "now", injected so tests and the emulators can move time. Always UTC. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
