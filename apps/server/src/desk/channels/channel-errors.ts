import { AppError } from '../../platform/http/errors.js';

/** A webhook call that did not prove it came from Telegram or the SMS gateway: 401, and nothing is read further. */
export const channelUnauthenticated = (detail: string) => new AppError(401, 'desk.channel_unauthenticated', detail);
