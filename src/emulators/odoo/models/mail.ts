import { expectedSingleton, missingError } from '../errors';
import { create } from '../orm/crud';
import { f } from '../orm/field-builders';
import { displayNameOf, nowStored } from '../orm/field-values';
import type { Env, MethodDef, ModelDef } from '../orm/model-types';

const NOTE_SUBTYPE_ID = 2;
const SUBTYPE_XMLIDS: Readonly<Record<string, number>> = { 'mail.mt_comment': 1, 'mail.mt_note': 2, 'mail.mt_activities': 3 };

export const mailMessageSubtype: ModelDef = {
  name: 'mail.message.subtype',
  description: 'Message subtypes',
  order: 'sequence, id',
  fields: {
    name: f.char('Message Type', { required: true }),
    description: f.text('Description'),
    internal: f.boolean('Internal Only'),
    sequence: f.integer('Sequence', { default: f.constant(1) }),
    default: f.boolean('Default', { default: f.constant(true) }),
  },
};

export const mailMessage: ModelDef = {
  name: 'mail.message',
  description: 'Message',
  order: 'id desc',
  access: { readGroups: ['User types/Internal User'] },
  fields: {
    subject: f.char('Subject'),
    date: f.datetime('Date'),
    body: f.html('Contents'),
    message_type: f.selection(
      'Type',
      [
        ['email', 'Incoming Email'],
        ['comment', 'Comment'],
        ['email_outgoing', 'Outgoing Email'],
        ['notification', 'System notification'],
        ['auto_comment', 'Automated Targeted Notification'],
        ['user_notification', 'User Specific Notification'],
      ],
      { required: true, default: f.constant('comment') },
    ),
    subtype_id: f.many2one('mail.message.subtype', 'Subtype'),
    model: f.char('Related Document Model'),
    res_id: f.integer('Related Document ID'),
    record_name: f.char('Message Record Name'),
    author_id: f.many2one('res.partner', 'Author'),
    email_from: f.char('From'),
    partner_ids: f.many2many('res.partner', 'Recipients'),
    parent_id: f.many2one('mail.message', 'Parent Message'),
    is_internal: f.boolean('Employee Only'),
  },
};

const BLOCK_START = /^\s*<(p|div|ul|ol|table|h[1-6]|blockquote|pre|section)\b/i;

function escapeHtml(text: string): string {
  // markupsafe.escape, after which the HTML sanitizer writes quotes back as plain characters.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sanitizeHtml(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/\son\w+="[^"]*"/gi, '');
}

/**
 * The stored body: from 17 a `str` body is plain text and is escaped (`body_is_html=True` keeps
 * HTML); 16 treats every body as HTML. The sanitizer then wraps loose text in `<p>…</p>` and
 * keeps newlines as they are (observed: "<p>Line one\nLine two</p>").
 */
export function storedMessageBody(env: Env, body: unknown, bodyIsHtml: unknown): string {
  const text = typeof body === 'string' ? body : body === undefined || body === null || body === false ? '' : String(body);
  if (text === '') return '';
  const html = env.profile.escapesPlainTextBody && bodyIsHtml !== true ? escapeHtml(text) : sanitizeHtml(text);
  return BLOCK_START.test(html) ? html : `<p>${html}</p>`;
}

const MESSAGE_POST_PARAMS = [
  'body',
  'subject',
  'message_type',
  'email_from',
  'author_id',
  'parent_id',
  'subtype_xmlid',
  'subtype_id',
  'partner_ids',
  'attachments',
  'attachment_ids',
  'body_is_html',
] as const;

/**
 * mail.thread.message_post on exactly one existing record; returns the new mail.message id. An
 * unknown `subtype_xmlid` does not fail — the message is stored as a Note, as recorded.
 */
export const messagePost: MethodDef = {
  binding: 'record',
  params: MESSAGE_POST_PARAMS.map((name) => ({ name, optional: true })),
  qualname: 'MailThread.message_post',
  keywordOnly: true,
  acceptsAnyKeyword: true,
  returnsRecords: 'single',
  run: ({ env, model, ids, args }) => {
    if (ids.length !== 1) throw expectedSingleton(model, ids);
    const id = ids[0];
    if (typeof id !== 'number' || !env.store.has(model, id)) throw missingError(model, ids, env.uid);
    const extra: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(args)) {
      if (!(MESSAGE_POST_PARAMS as readonly string[]).includes(name)) extra[name] = value;
    }
    const subtypeId =
      typeof args.subtype_id === 'number' ? args.subtype_id : (SUBTYPE_XMLIDS[String(args.subtype_xmlid ?? '')] ?? NOTE_SUBTYPE_ID);
    const user = env.store.get('res.users', env.uid);
    const authorId = typeof args.author_id === 'number' ? args.author_id : (user?.partner_id ?? false);
    const [messageId] = create(env, 'mail.message', [
      {
        ...extra,
        body: storedMessageBody(env, args.body, args.body_is_html),
        subject: typeof args.subject === 'string' ? args.subject : false,
        message_type: typeof args.message_type === 'string' ? args.message_type : 'notification',
        subtype_id: subtypeId,
        model,
        res_id: id,
        record_name: displayNameOf(env, model, id),
        author_id: authorId,
        email_from: typeof args.email_from === 'string' ? args.email_from : false,
        partner_ids: Array.isArray(args.partner_ids) ? args.partner_ids : [],
        parent_id: typeof args.parent_id === 'number' ? args.parent_id : false,
        date: nowStored(env),
        is_internal: false,
      },
    ]);
    return messageId;
  },
};
