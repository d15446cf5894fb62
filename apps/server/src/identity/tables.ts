import type { ColumnType, Generated, Kysely } from 'kysely';

/** A jsonb list of permission keys: read as an array, written as its JSON text. */
type PermissionList = ColumnType<string[], string, string>;

export type IdentityTables = {
  'identity.roles': {
    id: Generated<string>;
    name: string;
    description: string;
    permissions: PermissionList;
    system: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'identity.users': {
    id: Generated<string>;
    username: string;
    display_name: string;
    email: string | null;
    password_hash: string | null;
    disabled: Generated<boolean>;
    failed_logins: Generated<number>;
    locked_until: Date | null;
    locale: string | null;
    last_login_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'identity.user_roles': { user_id: string; role_id: string };
  'identity.sessions': {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Generated<Date>;
    expires_at: Date;
    last_seen_at: Generated<Date>;
    ip: string | null;
    user_agent: string | null;
    sso: Generated<boolean>;
    oidc_sid: Generated<string | null>;
  };
  'identity.oidc_links': {
    issuer: string;
    subject: string;
    user_id: string;
    created_at: Generated<Date>;
    last_login_at: Generated<Date>;
  };
  'identity.oidc_role_grants': { user_id: string; role_id: string };
  'identity.oidc_pending_logins': {
    id_hash: string;
    state: string;
    nonce: string;
    code_verifier: string;
    return_to: string;
    expires_at: Date;
  };
  'identity.api_tokens': {
    id: Generated<string>;
    name: string;
    user_id: string;
    secret_hash: string;
    permissions: PermissionList;
    created_by: string | null;
    created_at: Generated<Date>;
    expires_at: Date | null;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
};

export type IdentityDb = Kysely<IdentityTables>;
