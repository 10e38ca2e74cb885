import type { OdooCore } from '../odoo-core';

/**
 * The `session_info` dict /web/session/authenticate answers with, shaped like the recorded one
 * (values computed from the emulator's data where they carry meaning: user, db, versions,
 * currencies, company).
 */
export function sessionInfo(core: OdooCore, uid: number): Record<string, unknown> {
  const store = core.store;
  const user = store.get('res.users', uid);
  const partnerId = typeof user?.partner_id === 'number' ? user.partner_id : 3;
  const partner = store.get('res.partner', partnerId);
  const bot = store.get('res.partner', 2);
  const company = store.get('res.company', core.settings.companyId);
  const currencies: Record<string, unknown> = {};
  for (const currency of store.all('res.currency').filter((row) => row.active !== false)) {
    currencies[String(currency.id)] = { symbol: currency.symbol, position: currency.position, digits: [69, currency.decimal_places] };
  }
  const settings = {
    id: 1,
    user_id: { id: uid },
    is_discuss_sidebar_category_channel_open: true,
    is_discuss_sidebar_category_chat_open: true,
    push_to_talk_key: false,
    use_push_to_talk: false,
    voice_active_duration: 200,
    channel_notifications: false,
    mute_until_dt: false,
    volumes: [['ADD', []]],
  };
  const writeDate = (value: unknown): string | false => (typeof value === 'string' ? value.slice(0, 19) : false);
  const isAdmin = uid === 2;
  return {
    uid,
    is_system: isAdmin,
    is_admin: isAdmin,
    is_public: false,
    is_internal_user: true,
    user_context: { lang: user?.lang ?? 'en_US', tz: user?.tz ?? 'Asia/Riyadh', uid },
    db: core.settings.database,
    user_settings: settings,
    server_version: core.profile.serverVersion,
    server_version_info: core.profile.serverVersionInfo,
    support_url: 'https://www.odoo.com/buy',
    name: user?.name ?? '',
    username: user?.login ?? '',
    partner_write_date: writeDate(partner?.write_date),
    partner_display_name: partner?.complete_name ?? partner?.name ?? '',
    partner_id: partnerId,
    'web.base.url': core.baseUrl,
    active_ids_limit: 20000,
    profile_session: null,
    profile_collectors: null,
    profile_params: null,
    max_file_upload_size: 134217728,
    home_action_id: false,
    cache_hashes: { translations: '17f4c4b9be27b73b03d7902d1837105b0f9ca22b', load_menus: '0619ea682fb0a60c3a2061b5df1faf3be5a19c7d93b1458048cf0b162e68b634' },
    currencies,
    bundle_params: { lang: user?.lang ?? 'en_US' },
    test_mode: false,
    view_info: {
      list: { display_name: 'List', icon: 'oi oi-view-list', multi_record: true },
      form: { display_name: 'Form', icon: 'fa fa-address-card', multi_record: false },
      graph: { display_name: 'Graph', icon: 'fa fa-area-chart', multi_record: true },
      pivot: { display_name: 'Pivot', icon: 'oi oi-view-pivot', multi_record: true },
      calendar: { display_name: 'Calendar', icon: 'fa fa-calendar', multi_record: true },
      kanban: { display_name: 'Kanban', icon: 'oi oi-view-kanban', multi_record: true },
      search: { display_name: 'Search', icon: 'oi oi-search', multi_record: true },
      activity: { display_name: 'Activity', icon: 'fa fa-clock-o', multi_record: true },
    },
    user_companies: {
      current_company: core.settings.companyId,
      allowed_companies: { [String(core.settings.companyId)]: { id: core.settings.companyId, name: company?.name ?? '', sequence: 0, child_ids: [], parent_id: false } },
      disallowed_ancestor_companies: {},
    },
    show_effect: true,
    display_switch_company_menu: false,
    websocket_worker_version: `${core.profile.serverSerie}-3`,
    tour_enabled: true,
    current_tour: {
      url: core.profile.webClientUrl,
      custom: false,
      name: 'sale_tour',
      steps: [],
      rainbowManMessage: '<span><b>Congratulations</b>, your first quotation is sent!<br>Check your email to validate the quote.\n        </span>',
    },
    storeData: {
      Store: {
        action_discuss_id: 125,
        channel_types_with_seen_infos: ['chat', 'group'],
        hasGifPickerFeature: false,
        hasLinkPreviewFeature: true,
        hasMessageTranslationFeature: false,
        internalUserGroupId: 1,
        mt_comment_id: 1,
        odoobot: { id: 2, type: 'partner' },
        self: { id: partnerId, type: 'partner' },
        settings,
      },
      'res.partner': [
        {
          active: false,
          avatar_128_access_token: 'f62fa219ebb4e3ec53d4d6055f3a54fb24ec83b7da641cbf059c7abd578e5464o0x6b2f2f51',
          email: 'odoobot@example.com',
          id: 2,
          im_status: 'bot',
          isInternalUser: true,
          is_company: false,
          name: 'OdooBot',
          userId: 1,
          write_date: writeDate(bot?.write_date),
        },
        {
          active: true,
          avatar_128_access_token: '645ef21094b351e21fba90f85ff4c614fb2e481fec774ce599caf2d5121641b6o0x6b2f3078',
          id: partnerId,
          isAdmin,
          isInternalUser: true,
          name: partner?.name ?? '',
          notification_preference: 'email',
          signature: `<span data-o-mail-quote="1">-- <br data-o-mail-quote="1">\n${String(partner?.name ?? '')}</span>`,
          userId: uid,
          write_date: writeDate(partner?.write_date),
        },
      ],
    },
    iap_company_enrich: true,
    can_insert_in_spreadsheet: false,
  };
}
