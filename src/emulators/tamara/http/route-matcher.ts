/** A route pattern like `/checkout/:checkoutId/void`, matched segment by segment. */
export interface RoutePattern<T> {
  method: string;
  path: string;
  target: T;
}

export type RouteMatch<T> =
  | { kind: 'found'; target: T; params: Record<string, string> }
  | { kind: 'wrong_method'; allowed: string[] }
  | { kind: 'not_found' };

export class RouteTable<T> {
  private readonly routes: { method: string; segments: string[]; target: T }[];

  constructor(patterns: readonly RoutePattern<T>[]) {
    this.routes = patterns.map((pattern) => ({ method: pattern.method, segments: split(pattern.path), target: pattern.target }));
  }

  match(method: string, path: string): RouteMatch<T> {
    const segments = split(path);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', target: route.target, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'not_found' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index] as string;
    const value = actual[index] as string;
    if (expected.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return undefined;
      }
      params[expected.slice(1)] = decoded;
    } else if (expected !== value) {
      return undefined;
    }
  }
  return params;
}
