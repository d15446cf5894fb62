import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { applyCookie, CART_COOKIE } from './cart-routes.js';
import { isCartToken } from './cart-service.js';

async function cookieOf(secure: boolean, change: Parameters<typeof applyCookie>[2]) {
  const app = Fastify();
  await app.register(fastifyCookie);
  app.get('/', async (request, reply) => {
    applyCookie(reply, request, change, secure);
    return {};
  });
  const response = await app.inject({ url: '/' });
  await app.close();
  return response.cookies.find((cookie) => cookie.name === CART_COOKIE);
}

describe('the guest cart cookie', () => {
  it('is httpOnly, SameSite=Lax, for the whole site, 30 days; Secure when the node is served over https', async () => {
    const token = 'a'.repeat(43);
    const plain = await cookieOf(false, { set: token });
    expect(plain).toMatchObject({ value: token, httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 86_400 });
    expect(plain?.secure).toBeFalsy();
    expect(await cookieOf(true, { set: token })).toMatchObject({ secure: true });
  });

  it('is cleared when a guest cart merged into a signed-in customer’s, and left alone otherwise', async () => {
    const cleared = await cookieOf(false, { clear: true });
    expect(cleared?.value).toBe('');
    expect(await cookieOf(false, null)).toBeUndefined();
  });

  it('accepts only tokens of the shape it hands out', () => {
    expect(isCartToken('A'.repeat(43))).toBe(true);
    for (const bad of [undefined, '', 'short', 'x'.repeat(44), `${'a'.repeat(42)}=`, "'; drop table--".padEnd(43, 'a')])
      expect(isCartToken(bad)).toBe(false);
  });
});
