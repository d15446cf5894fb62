import { AppError, badRequest } from '../../platform/http/errors.js';

const MEBIBYTE = 1_048_576;

/** "25 MB": the limit as people read it (binary megabytes, as file managers count them). */
export const megabytes = (bytes: number) => `${Math.round((bytes / MEBIBYTE) * 10) / 10} MB`;

export const attachmentTooLarge = (maxBytes: number) =>
  new AppError(413, 'desk.attachment_too_large', `A file may be at most ${megabytes(maxBytes)}`, {
    errors: [{ path: 'body', message: `is larger than ${megabytes(maxBytes)}`, code: 'too_big', maximum: maxBytes }],
    extensions: { maxBytes },
  });

export const attachmentEmpty = () =>
  badRequest('desk.attachment_empty', 'The file is empty', [{ path: 'body', message: 'holds no bytes' }]);

export const attachmentBadName = (path: string, message: string) =>
  badRequest('desk.attachment_bad_name', `The file name ${message}`, [{ path, message }]);
