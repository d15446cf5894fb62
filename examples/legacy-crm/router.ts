import { problem, type Reply } from './problems.js';

export interface Call {
  /** The path's `:id` segment, decoded; empty when the path has none. */
  id: string;
  /** The query parameters; an empty one counts as left out, a repeated one as its last value. */
  query: Record<string, string>;
  /** The parsed JSON body, undefined when there was none. */
  body: unknown;
}

export interface Route {
  method: string;
  path: string;
  handle(call: Call): Promise<Reply>;
}

interface Compiled extends Route {
  pattern: RegExp;
}

export type Match = { route: Route; id: string } | { route?: undefined; reply: Reply };

/** The control endpoints (`/_faults`, `/_seed`, `/_reset`): faults never touch them. */
export const isControl = (path: string) => path.startsWith('/_');

/** A malformed escape (`%zz`) names no record rather than failing the request. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Finds the route of a request, or the 404 or 405 it gets. */
export class Router {
  readonly #routes: Compiled[];

  constructor(routes: Route[]) {
    this.#routes = routes.map((route) => ({
      ...route,
      pattern: new RegExp(`^${route.path.replace(':id', '([^/]+)')}$`),
    }));
  }

  match(method: string, path: string): Match {
    const candidates = this.#routes.filter((route) => route.pattern.test(path));
    const route = candidates.find((candidate) => candidate.method === method);
    if (route) return { route, id: decode(route.pattern.exec(path)?.[1] ?? '') };
    if (candidates.length === 0) return { reply: problem(404, 'no_route', `No endpoint ${path}`) };
    const allowed = [...new Set(candidates.map((candidate) => candidate.method))].join(', ');
    return { reply: problem(405, 'method_not_allowed', `${path} takes ${allowed}`) };
  }
}
