/** What an uploaded image is, read from its own bytes rather than believed from the request. */
export interface ImageInfo {
  contentType: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';
  width: number;
  height: number;
}

export class ImageError extends Error {
  override name = 'ImageError';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** JPEG start-of-frame markers: every SOFn except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function png(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new ImageError('The PNG has no IHDR header');
  return { contentType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function jpeg(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) throw new ImageError('The JPEG is damaged (expected a marker)');
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (JPEG_FRAMES.has(marker))
      return {
        contentType: 'image/jpeg',
        height: bytes.readUInt16BE(offset + 5),
        width: bytes.readUInt16BE(offset + 7),
      };
    if (marker === 0xda || marker === 0xd9) break; // image data or its end before any frame header
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  throw new ImageError('The JPEG has no frame header giving its size');
}

function webp(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 30 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP')
    return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a)
      throw new ImageError('The WebP frame is damaged');
    return {
      contentType: 'image/webp',
      width: bytes.readUInt16LE(26) & 0x3fff,
      height: bytes.readUInt16LE(28) & 0x3fff,
    };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) throw new ImageError('The lossless WebP is damaged');
    const bits = bytes.readUInt32LE(21);
    return { contentType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X')
    return { contentType: 'image/webp', width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  throw new ImageError(`The WebP holds an unknown chunk ${JSON.stringify(chunk)}`);
}

/**
 * SVG is a document and can carry script: one that does is refused here (the shop also serves SVG with a sandboxing
 * Content-Security-Policy). Its size comes from width and height, else from the viewBox.
 */
function svg(bytes: Buffer): ImageInfo | undefined {
  const head = bytes
    .toString('utf8', 0, Math.min(bytes.length, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return undefined;
  const text = bytes.toString('utf8');
  if (/<script|<foreignObject|<!ENTITY|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object/i.test(text))
    throw new ImageError('The SVG holds script, event handlers or embedded documents');
  const root = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attribute = (name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(px)?\\s*["']`, 'i').exec(root)?.[1];
  let width = Number(attribute('width'));
  let height = Number(attribute('height'));
  if (!(width > 0 && height > 0)) {
    const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(root);
    width = Number(box?.[1]);
    height = Number(box?.[2]);
  }
  if (!(width > 0 && height > 0)) throw new ImageError('The SVG states no size (width and height, or a viewBox)');
  return {
    contentType: 'image/svg+xml',
    width: Math.max(1, Math.round(width)),
    height: Math.max(1, Math.round(height)),
  };
}

/** The image's format and size from its header; throws ImageError when it is none of PNG, JPEG, WebP or SVG. */
export function imageInfo(bytes: Buffer): ImageInfo {
  const info = png(bytes) ?? jpeg(bytes) ?? webp(bytes) ?? svg(bytes);
  if (!info) throw new ImageError('The file is not a PNG, JPEG, WebP or SVG image');
  if (!(info.width > 0 && info.height > 0)) throw new ImageError('The image states a size of zero');
  return info;
}
