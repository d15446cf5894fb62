import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType) => responseSerializerCompiler({ schema, method: 'GET', url: '/x' });

describe('responseSerializerCompiler', () => {
  it('writes only the declared fields, so internal ones never leave the server', () => {
    const serialize = compile(z.object({ id: z.string(), name: z.string() }));
    expect(JSON.parse(serialize({ id: '1', name: 'Anna', passwordHash: '$argon2id$…' }))).toEqual({
      id: '1',
      name: 'Anna',
    });
  });

  it('keeps nullable, nested and free-form values', () => {
    const serialize = compile(
      z.object({ at: z.iso.datetime().nullable(), roles: z.array(z.object({ name: z.string() })), after: z.unknown() }),
    );
    const data = { at: null, roles: [{ name: 'Auditor', extra: 1 }], after: { any: ['shape', 2] } };
    expect(JSON.parse(serialize(data))).toEqual({
      at: null,
      roles: [{ name: 'Auditor' }],
      after: { any: ['shape', 2] },
    });
  });
});
