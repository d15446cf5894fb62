import { describe, expect, it } from 'vitest';
import { isPublicDirectoryPath } from './public-read';

describe('isPublicDirectoryPath', () => {
  it('opens the reading pages of the directory', () => {
    for (const path of [
      '/directory',
      '/directory/',
      '/directory/units/1b2c3d',
      '/directory/people/1b2c3d',
      '/directory/print',
    ]) {
      expect(isPublicDirectoryPath(path), path).toBe(true);
    }
  });

  it('keeps everything else behind sign-in', () => {
    for (const path of [
      '/',
      '/directory/import',
      '/directory/units',
      '/directory/units/1/edit',
      '/directoryx',
      '/admin/users',
      '/sign-in',
    ]) {
      expect(isPublicDirectoryPath(path), path).toBe(false);
    }
  });
});
