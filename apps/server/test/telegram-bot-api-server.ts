import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API method call the stand-in answered (or refused). */
export interface BotApiCall {
  method: string;
  params: Record<string, unknown>;
}

export interface TelegramBotApiServer {
  /** The base URL to give a node as `deskTelegramApiUrl`. */
  url: string;
  token: string;
  /** Every method call, in order (file downloads are not methods and are not recorded here). */
  calls: BotApiCall[];
  /** A file `getFile` describes and `file/bot<token>/<path>` serves; returns its file_id. */
  addFile(path: string, content: Buffer): string;
  /** The next `count` calls of `method` answer `{ok:false}` with this error code (500 by default). */
  failNext(method: string, count: number, errorCode?: number): void;
  /** Resolves with the first call of `method` (made already or later) `predicate` accepts. */
  waitForCall(method: string, predicate?: (call: BotApiCall) => boolean, timeoutMs?: number): Promise<BotApiCall>;
  close(): Promise<void>;
}

const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

const readBody = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URL(request.url ?? '/', 'http://x').searchParams);
};

/**
 * A local HTTP server speaking the part of Telegram's Bot API the desk uses (https://core.telegram.org/bots/api):
 * `POST /bot<token>/sendMessage` → `{ok:true, result: Message}`, `POST /bot<token>/getFile` → `{ok:true, result:
 * File}`, `GET /file/bot<token>/<file_path>` → the bytes; a wrong token is 401 `{ok:false, error_code, description}`
 * as Telegram answers it. It records every call and can fail on demand.
 */
export async function startTelegramBotApiServer(token = '123456:TEST-token_abc'): Promise<TelegramBotApiServer> {
  const calls: BotApiCall[] = [];
  const files = new Map<string, { path: string; content: Buffer }>();
  const failures = new Map<string, { count: number; errorCode: number }>();
  const waiters: Array<() => void> = [];
  let nextMessageId = 9000;

  const answer = (method: string, params: Record<string, unknown>): [number, unknown] => {
    const failure = failures.get(method);
    if (failure && failure.count > 0) {
      failure.count -= 1;
      const description =
        failure.errorCode === 403 ? 'Forbidden: bot was blocked by the user' : 'Internal Server Error';
      return [failure.errorCode, { ok: false, error_code: failure.errorCode, description }];
    }
    if (method === 'sendMessage') {
      if (!params.chat_id || typeof params.text !== 'string' || params.text.length === 0)
        return [400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' }];
      nextMessageId += 1;
      const chatId = Number(params.chat_id);
      return [
        200,
        {
          ok: true,
          result: {
            message_id: nextMessageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: 'private' },
            text: params.text,
          },
        },
      ];
    }
    if (method === 'getFile') {
      const file = files.get(String(params.file_id));
      if (!file) return [400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }];
      const result = {
        file_id: params.file_id,
        file_unique_id: `u${params.file_id}`,
        file_size: file.content.length,
        file_path: file.path,
      };
      return [200, { ok: true, result }];
    }
    return [404, { ok: false, error_code: 404, description: 'Not Found: method not found' }];
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const fileRoute = `/file/bot${token}/`;
    if (path.startsWith(fileRoute)) {
      const file = [...files.values()].find((candidate) => candidate.path === path.slice(fileRoute.length));
      if (!file) return send(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      return response.end(file.content);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(path);
    if (!match || match[1] !== token)
      return send(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2] as string;
    readBody(request)
      .then((params) => {
        calls.push({ method, params });
        for (const wake of waiters.splice(0)) wake();
        const [status, body] = answer(method, params);
        send(response, status, body);
      })
      .catch(() => send(response, 400, { ok: false, error_code: 400, description: 'Bad Request: cannot parse' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    addFile(path, content) {
      const fileId = `file-${files.size + 1}`;
      files.set(fileId, { path, content });
      return fileId;
    },
    failNext(method, count, errorCode = 500) {
      failures.set(method, { count, errorCode });
    },
    waitForCall(method, predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} call within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const found = calls.find((call) => call.method === method && predicate(call));
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
