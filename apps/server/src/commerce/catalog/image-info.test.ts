import { describe, expect, it } from 'vitest';
import { ImageError, imageInfo } from './image-info.js';

describe('image headers', () => {
  it('reads the size of a WebP of each kind', () => {
    const lossy = Buffer.alloc(30);
    lossy.write('RIFF', 0, 'latin1');
    lossy.write('WEBPVP8 ', 8, 'latin1');
    lossy.set([0x9d, 0x01, 0x2a], 23);
    lossy.writeUInt16LE(640, 26);
    lossy.writeUInt16LE(480, 28);
    expect(imageInfo(lossy)).toEqual({ contentType: 'image/webp', width: 640, height: 480 });

    const extended = Buffer.alloc(30);
    extended.write('RIFF', 0, 'latin1');
    extended.write('WEBPVP8X', 8, 'latin1');
    extended.writeUIntLE(1919, 24, 3);
    extended.writeUIntLE(1079, 27, 3);
    expect(imageInfo(extended)).toEqual({ contentType: 'image/webp', width: 1920, height: 1080 });

    const lossless = Buffer.alloc(30);
    lossless.write('RIFF', 0, 'latin1');
    lossless.write('WEBPVP8L', 8, 'latin1');
    lossless[20] = 0x2f;
    lossless.writeUInt32LE((99 & 0x3fff) | ((49 & 0x3fff) << 14), 21);
    expect(imageInfo(lossless)).toEqual({ contentType: 'image/webp', width: 100, height: 50 });
  });

  it('reads an SVG’s size from width and height, else its viewBox, and refuses script', () => {
    const svg = (root: string, body = '') => Buffer.from(`<?xml version="1.0"?>\n<svg ${root}>${body}</svg>`);
    expect(imageInfo(svg('xmlns="http://www.w3.org/2000/svg" width="120px" height="80"'))).toMatchObject({
      width: 120,
      height: 80,
    });
    expect(imageInfo(svg('viewBox="0 0 400 300"'))).toMatchObject({ width: 400, height: 300 });
    expect(() => imageInfo(svg('viewBox="0 0 4 3"', '<a href="javascript:alert(1)">x</a>'))).toThrow(ImageError);
    expect(() => imageInfo(svg('viewBox="0 0 4 3" onload="alert(1)"'))).toThrow(ImageError);
    expect(() => imageInfo(svg('width="10"'))).toThrow(/no size/);
  });

  it('refuses what is no image of the four kinds', () => {
    expect(() => imageInfo(Buffer.from('GIF89a……'))).toThrow(ImageError);
    expect(() => imageInfo(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0, 0, 0, 0, 0]))).toThrow(/frame header/);
  });
});
