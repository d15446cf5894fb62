import { z } from 'zod';

/** RFC 9457 problem details, as every error response of the API carries them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  instance: z.string(),
  requestId: z.string(),
  /** One entry per invalid field; `code` (zod's issue code, or a module's) lets a client word it in its own language. */
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        code: z.string().optional(),
        minimum: z.number().optional(),
        maximum: z.number().optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const idParams = z.strictObject({ id: z.uuid() });

export const locales = ['sv', 'en', 'pl', 'ru'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;
