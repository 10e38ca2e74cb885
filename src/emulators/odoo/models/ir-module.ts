import { f } from '../orm/field-builders';
import type { ModelDef } from '../orm/model-types';

/**
 * ir.module.module, enough to replay the recorded install: searching modules and
 * `button_immediate_install`, which marks the requested modules and everything the recorded
 * install pulled in as installed. The emulator serves the accounting and sales models whatever
 * this table says (documented simplification).
 */
export interface ModuleInfo {
  readonly id: number;
  readonly name: string;
  readonly version: string;
  /** Installed only once the connector's modules are installed. */
  readonly pulledByInstall: boolean;
  readonly application?: boolean;
  readonly sequence?: number;
  readonly autoInstall?: boolean;
}

export const moduleModel: ModelDef = {
  name: 'ir.module.module',
  description: 'Module',
  order: 'application desc,sequence,name',
  access: { readGroups: ['Administration/Settings'] },
  fields: {
    name: f.char('Technical Name', { required: true, readonly: true }),
    shortdesc: f.char('Module Name', { readonly: true }),
    state: f.selection(
      'Status',
      [
        ['uninstallable', 'Uninstallable'],
        ['uninstalled', 'Not Installed'],
        ['installed', 'Installed'],
        ['to upgrade', 'To be upgraded'],
        ['to remove', 'To be removed'],
        ['to install', 'To be installed'],
      ],
      { default: f.constant('uninstalled') },
    ),
    latest_version: f.char('Installed Version', { readonly: true }),
    installed_version: f.char('Latest Version', { readonly: true }),
    auto_install: f.boolean('Automatic Installation'),
    application: f.boolean('Application', { readonly: true }),
    sequence: f.integer('Sequence', { default: f.constant(100) }),
  },
  methods: {
    button_immediate_install: {
      binding: 'record',
      params: [],
      qualname: 'Module.button_immediate_install',
      run: ({ env, ids }) => {
        const targets = env.store.all('ir.module.module').filter((row) => ids.includes(row.id) || row._pulled_by_install === true);
        for (const module of targets) {
          env.store.update('ir.module.module', module.id, { state: 'installed', latest_version: module.installed_version });
        }
        return { type: 'ir.actions.act_url', target: 'self', url: env.profile.webClientUrl };
      },
    },
  },
};
