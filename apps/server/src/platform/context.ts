/** Who is acting: a signed-in user, an API token on behalf of its user, or the node itself (jobs, CLI). */
export interface Actor {
  userId: string | null;
  username: string;
  displayName: string;
  /** The user's chosen interface language, when they chose one. */
  locale: string | null;
  permissions: ReadonlySet<string>;
  via: 'session' | 'token' | 'system';
  /** Present when `via` is `session`: state-changing requests must echo it in `x-csrf-token`. */
  csrfToken?: string;
}

/** Passed first to every service method (ARCHITECTURE.md, rule 2). */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip?: string;
  locale: string;
}

export function systemContext(reason: string): RequestContext {
  return {
    actor: {
      userId: null,
      username: `system:${reason}`,
      displayName: `Kontor (${reason})`,
      locale: null,
      permissions: new Set(['*']),
      via: 'system',
    },
    requestId: `system-${reason}`,
    locale: 'en',
  };
}

export function hasPermission(actor: Actor | null, permission: string): boolean {
  return Boolean(actor && (actor.permissions.has('*') || actor.permissions.has(permission)));
}
