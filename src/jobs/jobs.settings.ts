export abstract class JobsSettings {
  /** False in tests that drive the jobs by hand (runOnce) for determinism. */
  abstract readonly enabled: boolean;
  abstract readonly reconcileTickMs: number;
}
