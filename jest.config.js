/** Test tiers: unit (no I/O beyond loopback stubs), integration (PostgreSQL + emulators), smoke (embedded PGlite). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const common = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest }, rootDir: __dirname };
module.exports = {
  // Integration suites boot databases and emulators; a generous per-test ceiling, never a speed target.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    { ...common, displayName: 'emulators', testMatch: ['<rootDir>/test/emulators/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...common, displayName: 'smoke', testMatch: ['<rootDir>/test/smoke/**/*.spec.ts'] },
  ],
};
