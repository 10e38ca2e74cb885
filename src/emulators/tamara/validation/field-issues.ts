import { TamaraApiError, TamaraErrorItem } from '../tamara-api-error';

export type FieldProblem = 'is_required' | 'is_invalid' | 'is_too_long';

/** One thing wrong with one field of a request, e.g. `items[0].sku` is too long. */
export interface FieldIssue {
  /** Path as a client would write it: `items[0].sku`. */
  field: string;
  problem: FieldProblem;
  detail: string;
}

/**
 * The error code for an issue, in the `<field>_<problem>` style of Tamara's known codes
 * (`total_amount_invalid_limit`, `consumer_invalid_phone_number`): array indexes dropped,
 * dots become underscores — `items[0].sku` + too long → `items_sku_is_too_long`.
 */
export function issueErrorCode(issue: FieldIssue): string {
  const field = issue.field.replace(/\[\d+\]/g, '').replace(/\./g, '_');
  return `${field}_${issue.problem}`;
}

/** A 400 listing every issue (message joins them; each entry carries the exact field path). */
export function validationError(issues: readonly FieldIssue[]): TamaraApiError {
  const errors: TamaraErrorItem[] = issues.map((issue) => ({ error_code: issueErrorCode(issue), data: { field: issue.field } }));
  return new TamaraApiError(400, issues.map((issue) => `${issue.field} ${issue.detail}`).join('; '), errors);
}

/** Collects issues while walking a request body. */
export class IssueCollector {
  readonly issues: FieldIssue[] = [];

  required(field: string): void {
    this.issues.push({ field, problem: 'is_required', detail: 'is required' });
  }

  invalid(field: string, detail: string): void {
    this.issues.push({ field, problem: 'is_invalid', detail });
  }

  tooLong(field: string, max: number): void {
    this.issues.push({ field, problem: 'is_too_long', detail: `must be at most ${max} characters` });
  }

  get isEmpty(): boolean {
    return this.issues.length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw validationError(this.issues);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A required string: present, a string and not blank. */
export function requiredString(body: Record<string, unknown>, key: string, field: string, issues: IssueCollector, maxLength?: number): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') {
    issues.required(field);
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.invalid(field, 'must be a string');
    return undefined;
  }
  if (value.trim() === '') {
    issues.required(field);
    return undefined;
  }
  if (maxLength !== undefined && value.length > maxLength) {
    issues.tooLong(field, maxLength);
    return undefined;
  }
  return value;
}

/** An optional string: absent/null is fine, otherwise it must be a string within the length. */
export function optionalString(body: Record<string, unknown>, key: string, field: string, issues: IssueCollector, maxLength?: number): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    issues.invalid(field, 'must be a string');
    return undefined;
  }
  if (maxLength !== undefined && value.length > maxLength) {
    issues.tooLong(field, maxLength);
    return undefined;
  }
  return value;
}

export function optionalEnum<T extends string>(
  body: Record<string, unknown>,
  key: string,
  field: string,
  allowed: readonly T[],
  issues: IssueCollector,
): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    issues.invalid(field, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  return value as T;
}

/** An absolute URL (OpenAPI `format: uri`). */
export function isAbsoluteUrl(text: string): boolean {
  try {
    return new URL(text).protocol.length > 0;
  } catch {
    return false;
  }
}
