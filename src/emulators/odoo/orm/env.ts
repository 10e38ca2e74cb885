import type { EmulatorClock } from '../clock';
import type { VersionProfile } from '../version-profile';
import type { Env, EnvServices, TransportKind } from './model-types';
import type { RecordStore } from './record-store';
import type { Registry } from './registry';

export interface EnvInit {
  registry: Registry;
  store: RecordStore;
  uid: number;
  context?: Readonly<Record<string, unknown>>;
  profile: VersionProfile;
  clock: EmulatorClock;
  services: EnvServices;
  transport: TransportKind;
}

export function createEnv(init: EnvInit): Env {
  const context = init.context ?? {};
  return {
    registry: init.registry,
    store: init.store,
    uid: init.uid,
    context,
    profile: init.profile,
    clock: init.clock,
    services: init.services,
    transport: init.transport,
    major: init.profile.major,
    withContext: (extra) => createEnv({ ...init, context: { ...context, ...extra } }),
    withUser: (uid) => createEnv({ ...init, uid, context }),
  };
}
