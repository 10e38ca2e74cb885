import { OdooException } from '../errors';
import { write } from '../orm/crud';
import type { Env } from '../orm/model-types';
import { parsePythonLiteral, PythonLiteralError } from '../python/python-literal';

/**
 * The few Python statements a "Execute Code" server action may hold in the emulator — those a
 * connector writes to flag records:
 *
 *     records.write({'x_tamara_pay': True})
 *     record.write({...})
 *     for record in records:
 *         record.write({...})
 *
 * plus `pass` and comments. Anything else is refused with a clear error rather than ignored.
 */
export function runServerActionCode(env: Env, model: string, ids: readonly number[], code: string): void {
  const lines = code
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trimEnd())
    .filter((line) => line.trim() !== '');
  let loopOverRecords = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === 'pass') continue;
    if (/^for\s+record\s+in\s+records\s*:$/.test(line)) {
      loopOverRecords = true;
      continue;
    }
    const call = /^(records?)\.write\((.*)\)$/.exec(line);
    if (!call) throw unsupported(code);
    let vals: unknown;
    try {
      vals = parsePythonLiteral(call[2], { uid: env.uid });
    } catch (error) {
      if (error instanceof PythonLiteralError) throw unsupported(code);
      throw error;
    }
    if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) throw unsupported(code);
    const values = vals as Record<string, unknown>;
    if (call[1] === 'records') write(env, model, ids, values);
    else if (loopOverRecords) for (const id of ids) write(env, model, [id], values);
    else if (ids.length > 0) write(env, model, ids.slice(0, 1), values);
  }
}

function unsupported(code: string): OdooException {
  return new OdooException('builtins.NotImplementedError', `The Odoo emulator only runs record.write(...) server action code, not: ${code}`);
}
