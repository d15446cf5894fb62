import { describe, expect, it } from 'vitest';
import { channelFilename, contentDisposition, normalContentType } from './attachment-names.js';

describe('attachment names and types', () => {
  it('keeps a channel’s file name without its path or control characters', () => {
    expect(channelFilename('C:\\Users\\eva\\rapport.pdf', 'x')).toBe('rapport.pdf');
    expect(channelFilename('../../etc/passwd', 'x')).toBe('passwd');
    expect(channelFilename('a\u0000b\nc.txt', 'x')).toBe('a_b_c.txt');
    expect(channelFilename(undefined, 'attachment-1')).toBe('attachment-1');
    expect(channelFilename('..', 'attachment-2')).toBe('attachment-2');
    const long = channelFilename(`${'n'.repeat(300)}.docx`, 'x');
    expect(long).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('stores a media type as given, anything else as opaque bytes', () => {
    expect(normalContentType('Text/Plain; charset=utf-8')).toBe('text/plain; charset=utf-8');
    expect(normalContentType('image/png')).toBe('image/png');
    expect(normalContentType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
    expect(normalContentType('')).toBe('application/octet-stream');
  });

  it('names a download for old and new browsers alike, never breaking the header', () => {
    expect(contentDisposition('rapport "slut"; v2.pdf')).toBe(
      `attachment; filename="rapport _slut__ v2.pdf"; filename*=UTF-8''rapport%20%22slut%22%3B%20v2.pdf`,
    );
    expect(contentDisposition('отчёт.pdf')).toBe(
      `attachment; filename="_____.pdf"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf`,
    );
  });
});
