/** An answer of the Bot API that was not `ok` (https://core.telegram.org/bots/api#making-requests). */
export class TelegramApiError extends Error {
  override name = 'TelegramApiError';
  constructor(
    /** Telegram's `error_code` (an HTTP status), or null when no answer came. */
    readonly errorCode: number | null,
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

type ApiAnswer<T> =
  | { ok: true; result: T }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** https://core.telegram.org/bots/api#file */
interface TelegramFile {
  file_id: string;
  file_size?: number;
  file_path?: string;
}

/**
 * The few Bot API methods the desk uses. The token is part of every URL, so no URL ever goes into an error message
 * or a log line.
 */
export class TelegramBotApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async sendMessage(chatId: string, text: string, replyToMessageId: number | null, signal: AbortSignal) {
    return this.#call<{ message_id: number }>(
      'sendMessage',
      {
        chat_id: chatId,
        text,
        // A deleted message must not stop the reply: it then goes out without the quote.
        ...(replyToMessageId !== null && {
          reply_parameters: { message_id: replyToMessageId, allow_sending_without_reply: true },
        }),
      },
      signal,
    );
  }

  /** Downloads a file a message carries (getFile, then `file/bot<token>/<file_path>`), at most `maxBytes` long. */
  async download(fileId: string, maxBytes: number, signal: AbortSignal): Promise<{ path: string; data: Buffer }> {
    const file = await this.#call<TelegramFile>('getFile', { file_id: fileId }, signal);
    if (!file.file_path) throw new TelegramApiError(null, 'Telegram gave no path for the file');
    if (file.file_size !== undefined && file.file_size > maxBytes)
      throw new TelegramApiError(413, `the file is larger than ${maxBytes} bytes`);
    const response = await this.#fetch(`file/bot${this.token}/${file.file_path}`, { signal });
    if (!response.ok) throw new TelegramApiError(response.status, `downloading the file answered ${response.status}`);
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > maxBytes) throw new TelegramApiError(413, `the file is larger than ${maxBytes} bytes`);
    return { path: file.file_path, data };
  }

  async #call<T>(method: string, params: Record<string, unknown>, signal: AbortSignal): Promise<T> {
    const response = await this.#fetch(`bot${this.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal,
    });
    const answer = (await response.json().catch(() => null)) as ApiAnswer<T> | null;
    if (answer?.ok === true) return answer.result;
    if (!answer) throw new TelegramApiError(response.status, `${method} answered ${response.status} without JSON`);
    throw new TelegramApiError(
      answer.error_code ?? response.status,
      `${method}: ${String(answer.description).slice(0, 300)}`,
      answer.parameters?.retry_after ?? 0,
    );
  }

  async #fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      // Joined as text: `bot<id>:<secret>` would read as a URL scheme to new URL().
      return await fetch(`${this.baseUrl.replace(/\/+$/, '')}/${path}`, { ...init, redirect: 'error' });
    } catch (error) {
      if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') throw error;
      // fetch's own message names no URL, but its cause may: say only what kind of failure it was.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      throw new TelegramApiError(null, `the Bot API could not be reached${code ? ` (${code})` : ''}`);
    }
  }
}
