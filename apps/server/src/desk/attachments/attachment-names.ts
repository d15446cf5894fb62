/** How files are named and typed: as channels give them, as the database keeps them, as browsers download them. */

/** `type/subtype` with optional parameters; anything else is stored as opaque bytes. */
const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\r\n]*"|[\w!#$&^.+-]+))*$/;
const OPAQUE = 'application/octet-stream';

export const normalContentType = (value: string | undefined) => {
  const trimmed = value?.trim().toLowerCase() ?? '';
  return trimmed.length <= 255 && CONTENT_TYPE.test(trimmed) ? trimmed : OPAQUE;
};

/**
 * A name a channel gave (an e-mail attachment's), made acceptable: path parts dropped, control characters
 * replaced, length capped. Uploads through the API are refused instead when their name is unacceptable.
 */
export function channelFilename(name: string | undefined, fallback: string): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = last.replace(/\p{Cc}/gu, '_').trim();
  const usable = cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
  if (usable.length <= 255) return usable;
  const dot = usable.lastIndexOf('.');
  const extension = dot > 0 && usable.length - dot <= 16 ? usable.slice(dot) : '';
  return usable.slice(0, 255 - extension.length) + extension;
}

/** `attachment; filename="…"` with an ASCII stand-in for old clients and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
