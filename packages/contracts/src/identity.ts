import { z } from 'zod';
import { localeSchema } from './common.js';

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only');
const password = z.string().min(12, 'at least 12 characters').max(256);
const permissionKey = z.string().regex(/^[a-z]+\.[a-z][a-z-]*$/, 'a permission such as directory.read');

export const loginRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema.nullable(),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

export const userSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  /** Until when a temporary lockout after failed sign-ins lasts; null when not locked. */
  lockedUntil: z.iso.datetime().nullable(),
  roles: z.array(z.object({ id: z.uuid(), name: z.string() })),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userCreate = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().nullable().optional(),
  password,
  roleIds: z.array(z.uuid()).max(50).default([]),
});
export type UserCreate = z.input<typeof userCreate>;

export const userUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullable().optional(),
  disabled: z.boolean().optional(),
  roleIds: z.array(z.uuid()).max(50).optional(),
  /** Clears a temporary lockout after too many failed sign-ins. */
  unlock: z.literal(true).optional(),
});
export type UserUpdate = z.input<typeof userUpdate>;

export const passwordReset = z.strictObject({ password });

export const preferencesUpdate = z.strictObject({ locale: localeSchema });

export const permission = z.object({ key: z.string(), description: z.string() });
export type Permission = z.infer<typeof permission>;

export const role = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  system: z.boolean(),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof role>;

export const roleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(''),
  permissions: z.array(permissionKey).max(200),
});
export type RoleInput = z.input<typeof roleInput>;

export const apiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  username: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The user the token acts for; its permissions never exceed that user's. */
  userId: z.uuid(),
  permissions: z.array(permissionKey).min(1).max(200),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
});
export type ApiTokenCreate = z.input<typeof apiTokenCreate>;

/** The secret is in this answer only; Kontor keeps its hash. */
export const apiTokenCreated = apiToken.extend({ secret: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;
