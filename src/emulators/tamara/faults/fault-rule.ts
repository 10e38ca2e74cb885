import { z } from 'zod';

/** Merchant API routes a fault can be scoped to (`*` = all). */
export const API_ROUTES = [
  'in_store_session',
  'void',
  'get_order',
  'simplified_refund',
  'update_reference_id',
  'id_verification_status',
  'webhooks',
] as const;
export type ApiRoute = (typeof API_ROUTES)[number];

const count = z.number().int().positive();

/**
 * One injectable misbehaviour. API faults act on merchant API calls; webhook faults act on
 * notifications (their `route` is an event type such as `order_captured`, or `*`).
 */
export const faultRuleSchema = z.discriminatedUnion('kind', [
  /** Answer after `ms` extra milliseconds (the call still happens). */
  z.object({ kind: z.literal('latency'), ms: z.number().int().nonnegative() }).strict(),
  /** Answer with this status (5xx, 409, …) without doing anything. */
  z
    .object({
      kind: z.literal('http_error'),
      status: z.number().int().min(400).max(599),
      body: z.enum(['envelope', 'empty', 'html']).optional(),
    })
    .strict(),
  /** 429 with `Retry-After: <seconds>`, without doing anything. */
  z.object({ kind: z.literal('rate_limit'), retryAfterSeconds: z.number().int().nonnegative() }).strict(),
  /** The call takes effect, then the answer is withheld for `withholdMs` or the socket is destroyed. */
  z
    .object({
      kind: z.literal('timeout_after_commit'),
      mode: z.enum(['withhold', 'destroy']).optional(),
      withholdMs: z.number().int().nonnegative().optional(),
    })
    .strict(),
  /** The call takes effect and answers 200 with a truncated JSON body. */
  z.object({ kind: z.literal('malformed_json') }).strict(),
  /** Get-order answers with a status value outside the documented set (default `on_hold`). */
  z.object({ kind: z.literal('unknown_status'), status: z.string().min(1).optional() }).strict(),
  /** Deep-merges `patch` into a 200 body (e.g. `{"captured_amount":{"amount":"abc"}}`). */
  z.object({ kind: z.literal('response_patch'), patch: z.record(z.string(), z.unknown()) }).strict(),
  /** Each matching notification is delivered `copies` times, sequentially or all at once. */
  z.object({ kind: z.literal('webhook_duplicate'), copies: z.number().int().min(2), concurrent: z.boolean().optional() }).strict(),
  /** The next `count` matching notifications are held, then delivered in reverse order. */
  z.object({ kind: z.literal('webhook_out_of_order'), count: z.number().int().min(2) }).strict(),
  /**
   * The call's notifications are delivered before its HTTP answer. On `in_store_session` the
   * customer also acts at once (`outcome`, default `pay`), so `order_captured` precedes the create answer.
   */
  z
    .object({ kind: z.literal('webhook_before_response'), outcome: z.enum(['pay', 'decline', 'cancel', 'none']).optional() })
    .strict(),
]);

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];

const scopeSchema = z
  .object({
    route: z.string().min(1).optional(),
    /** Number of calls (or notifications, or held batches) it applies to; omitted = until cleared. */
    times: count.optional(),
  })
  .strict();

/** A fault plus its scope: which route (or event type for webhook faults) and how many times. */
export type FaultInput = FaultRule & { route?: string; times?: number };

export type FaultInputParse = { ok: true; value: FaultInput } | { ok: false; problems: string[] };

/** Validates a control-API fault body: the rule's own fields plus `route` and `times`. */
export function parseFaultInput(raw: unknown): FaultInputParse {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: ['a fault must be a JSON object'] };
  const { route, times, ...rule } = raw as Record<string, unknown>;
  const scope = scopeSchema.safeParse({ route, times });
  const parsedRule = faultRuleSchema.safeParse(rule);
  const problems = [...(scope.success ? [] : scope.error.issues), ...(parsedRule.success ? [] : parsedRule.error.issues)].map(
    (issue) => `${issue.path.join('.') || 'fault'}: ${issue.message}`,
  );
  if (!scope.success || !parsedRule.success) return { ok: false, problems };
  return { ok: true, value: { ...parsedRule.data, ...definedScope(scope.data) } };
}

function definedScope(scope: { route?: string | undefined; times?: number | undefined }): { route?: string; times?: number } {
  return { ...(scope.route !== undefined ? { route: scope.route } : {}), ...(scope.times !== undefined ? { times: scope.times } : {}) };
}
