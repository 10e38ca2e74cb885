import { newApiKey, passwordMatches } from '../auth/credentials';
import { sqlConstraintError, userError } from '../errors';
import { create as createRecords } from '../orm/crud';
import { f } from '../orm/field-builders';
import { INTERNAL_USER_GROUP_ID } from '../orm/access-rights';
import type { Env, ModelDef } from '../orm/model-types';
import { toUserDate } from '../clock';

/** res.users: logins, passwords (private column) and group membership. */
export const resUsers: ModelDef = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  access: { readGroups: ['User types/Internal User'], publicRead: true },
  fields: {
    name: f.char('Name', { required: true }),
    login: f.char('Login', { required: true }),
    password: f.computed(f.char('Password'), () => ''),
    partner_id: f.many2one('res.partner', 'Related Partner', { required: true }),
    company_id: f.many2one('res.company', 'Company', { default: (env) => env.services.settings.companyId }),
    company_ids: f.many2many('res.company', 'Companies', { default: (env) => [env.services.settings.companyId] }),
    groups_id: f.many2many('res.groups', 'Groups'),
    share: f.computed(f.boolean('Share User'), (_env, record) => !((record.groups_id as number[] | undefined) ?? []).includes(INTERNAL_USER_GROUP_ID)),
    active: f.boolean('Active', { default: f.constant(true) }),
    tz: f.char('Timezone', { default: f.constant('Asia/Riyadh') }),
    lang: f.char('Language', { default: f.constant('en_US') }),
    email: f.char('Email'),
    signature: f.html('Email Signature'),
  },
  hooks: {
    prepareCreate: (env, vals) => {
      if (typeof vals.password === 'string') vals._password = vals.password;
      delete vals.password;
      if (vals.partner_id === undefined || vals.partner_id === false) {
        const [partnerId] = createRecords(env, 'res.partner', [{ name: vals.name ?? vals.login ?? false, email: vals.email ?? false }]);
        vals.partner_id = partnerId;
      }
    },
    checkInsert: (env, record) => {
      if (env.store.all('res.users').some((user) => user.login === record.login)) {
        throw sqlConstraintError('You can not have two users with the same login !');
      }
    },
    beforeWrite: (_env, _ids, vals) => {
      if (typeof vals.password === 'string') vals._password = vals.password;
      delete vals.password;
    },
  },
  methods: {
    context_get: {
      binding: 'model',
      params: [],
      qualname: 'Users.context_get',
      run: ({ env }) => {
        const user = env.store.get('res.users', env.uid);
        return { lang: user?.lang ?? 'en_US', tz: user?.tz ?? false, uid: env.uid };
      },
    },
  },
};

const DURATIONS: readonly (readonly [string, string])[] = [
  ['1', '1 Day'],
  ['7', '1 Week'],
  ['30', '1 Month'],
  ['90', '3 Months'],
  ['180', '6 Months'],
  ['365', '1 Year'],
  ['0', 'Persistent Key'],
  ['-1', 'Custom Date'],
];

export const resUsersApiKeys: ModelDef = {
  name: 'res.users.apikeys',
  description: 'Users API Keys',
  order: 'id',
  fields: {
    name: f.char('Description', { required: true, readonly: true }),
    user_id: f.many2one('res.users', 'User', { required: true, readonly: true }),
    scope: f.char('Scope', { readonly: true }),
    expiration_date: f.datetime('Expiration Date', { readonly: true, versions: { min: 18 } }),
  },
};

export const resUsersApiKeysDescription: ModelDef = {
  name: 'res.users.apikeys.description',
  description: 'API Key Description',
  order: 'id',
  transient: true,
  fields: {
    name: f.char('Description', { required: true }),
    duration: f.selection('Duration', DURATIONS, { versions: { min: 18 } }),
    expiration_date: f.datetime('Expiration Date', { versions: { min: 18 } }),
  },
  methods: {
    /**
     * make_key is protected by @check_identity, which needs an HTTP session: over /jsonrpc it fails
     * (recorded), in a web session it answers with the identity-check wizard.
     */
    make_key: {
      binding: 'record',
      params: [],
      qualname: 'APIKeyDescription.make_key',
      run: ({ env, ids }) => {
        if (env.transport !== 'web') throw userError('This method can only be accessed over HTTP');
        const [wizardId] = createRecords(env, 'res.users.identitycheck', [{ _pending_description: ids[0] }]);
        return {
          type: 'ir.actions.act_window',
          res_model: 'res.users.identitycheck',
          res_id: wizardId,
          name: 'Security Control',
          target: 'new',
          views: [[false, 'form']],
        };
      },
    },
  },
};

export const resUsersIdentityCheck: ModelDef = {
  name: 'res.users.identitycheck',
  description: 'Password Check Wizard',
  order: 'id',
  transient: true,
  fields: {
    password: f.char('Password'),
  },
  methods: {
    run_check: {
      binding: 'record',
      params: [],
      qualname: 'CheckIdentity.run_check',
      run: ({ env, ids }) => {
        const wizard = env.store.get('res.users.identitycheck', Number(ids[0]));
        if (!wizard || !passwordMatches(env, env.uid, wizard.password)) {
          throw userError('Incorrect Password, try again or click on Forgot Password to reset your password.');
        }
        const description = env.store.get('res.users.apikeys.description', Number(wizard._pending_description));
        const key = createApiKey(env, env.uid, String(description?.name ?? 'API key'), String(description?.duration ?? '0'));
        return {
          type: 'ir.actions.act_window',
          res_model: 'res.users.apikeys.show',
          name: 'API Key Ready',
          views: [[false, 'form']],
          target: 'new',
          context: { default_key: key },
        };
      },
    },
  },
};

/** Creates a global (RPC) key for a user and returns its secret, shown once like Odoo does. */
export function createApiKey(env: Env, uid: number, name: string, durationDays = '0'): string {
  const key = newApiKey();
  const days = Number(durationDays);
  let expiration: string | false = false;
  if (env.major >= 18 && days > 0) {
    expiration = `${toUserDate(new Date(env.clock.now().getTime() + days * 86_400_000), 0)} 00:00:00`;
  }
  createRecords(env, 'res.users.apikeys', [{ name, user_id: uid, scope: false, ...(env.major >= 18 ? { expiration_date: expiration } : {}), _key: key }]);
  return key;
}
