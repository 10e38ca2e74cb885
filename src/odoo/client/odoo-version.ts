import { z } from 'zod';

/** The server's release, as read from `common.version` (JSON-RPC) or `GET /web/version`. */
export interface OdooServerVersion {
  major: number;
  minor: number;
  /** "18.0", "saas~17.2". */
  serie: string;
  /** What the server said, e.g. "18.0-20250421" or "saas~17.2+e". */
  raw: string;
  /** Odoo Online intermediate releases (saas~17.2): features land there before the next major. */
  saas: boolean;
}

/** `common.version()` result over /jsonrpc. */
export const commonVersionResultSchema = z.looseObject({
  server_version: z.string(),
  server_version_info: z.array(z.unknown()).min(2),
  server_serie: z.string().optional(),
  protocol_version: z.number().optional(),
});

/** `GET /web/version` body: {"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}. */
export const webVersionResultSchema = z.looseObject({
  version_info: z.array(z.unknown()).min(2),
  version: z.string(),
});

// "saas~17.2", "saas-17.2", "17.0", "18.0-20250421", "saas~18.3+e".
const VERSION_TEXT = /^(saas[~-])?(\d+)(?:\.(\d+))?/;

/**
 * Parses Odoo's `version_info` tuple. Stable releases have `[18, 0, 0, "final", 0, ""]`; SaaS
 * releases carry the prefix in the first element: `["saas~17", 2, 0, "final", 0, "e"]`.
 */
export function parseOdooVersion(versionInfo: readonly unknown[], raw: string, serie?: string): OdooServerVersion | undefined {
  const [first, second] = versionInfo;
  let major: number | undefined;
  let saas = false;
  if (typeof first === 'number' && Number.isInteger(first)) {
    major = first;
  } else if (typeof first === 'string') {
    const match = VERSION_TEXT.exec(first.trim());
    if (match) {
      major = Number(match[2]);
      saas = match[1] !== undefined;
    }
  }
  const minor = typeof second === 'number' && Number.isInteger(second) ? second : undefined;
  if (major === undefined || minor === undefined) return parseOdooVersionText(raw) ?? (serie ? parseOdooVersionText(serie) : undefined);
  saas ||= /^saas/.test(raw) || /^saas/.test(serie ?? '');
  return { major, minor, saas, raw, serie: serie ?? `${saas ? 'saas~' : ''}${major}.${minor}` };
}

/** Parses a version string alone ("saas-17.2", "saas~17.2+e", "18.0-20250421"). */
export function parseOdooVersionText(text: string): OdooServerVersion | undefined {
  const match = VERSION_TEXT.exec(text.trim());
  if (!match) return undefined;
  const saas = match[1] !== undefined;
  const major = Number(match[2]);
  const minor = match[3] === undefined ? 0 : Number(match[3]);
  return { major, minor, saas, raw: text, serie: `${saas ? 'saas~' : ''}${major}.${minor}` };
}

/** True when `version` is at least `major.minor` (SaaS releases sort between majors). */
export function isAtLeast(version: Pick<OdooServerVersion, 'major' | 'minor'>, major: number, minor = 0): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
