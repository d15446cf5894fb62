import { useEffect, useRef, useSyncExternalStore } from 'react';

/** One committed event on a topic, as `/api/events` delivers it. */
export interface LiveEvent {
  id: string;
  topic: string;
  payload: unknown;
  at: string;
}

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

interface Listener {
  topic: string;
  onEvent: (event: LiveEvent) => void;
  onReconnect: () => void;
}

type ServerMessage =
  | ({ type: 'event' } & LiveEvent)
  | { type: 'subscribed'; topics: string[]; denied: string[] }
  | { type: 'unsubscribed'; topics: string[] }
  | { type: 'error'; message: string };

const MAX_BACKOFF_MS = 30_000;
/** Leaving one page for another that listens too should not drop and reopen the socket. */
const IDLE_CLOSE_MS = 2_000;

function covers(subscribed: string, topic: string) {
  return topic === subscribed || topic.startsWith(`${subscribed}.`);
}

/**
 * One WebSocket per tab, shared by every `useLiveTopic`. Reconnects with capped exponential backoff and
 * jitter; after a reconnect, listeners re-fetch because events sent while we were away are not replayed.
 */
class LiveConnection {
  #socket: WebSocket | null = null;
  #listeners = new Set<Listener>();
  #attempt = 0;
  #everOpened = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #status: LiveStatus = 'idle';
  #statusListeners = new Set<() => void>();

  get status() {
    return this.#status;
  }

  onStatus(listener: () => void) {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  add(listener: Listener) {
    const isNewTopic = !this.#topics().has(listener.topic);
    this.#listeners.add(listener);
    clearTimeout(this.#idleTimer);
    if (!this.#socket) this.#connect();
    else if (isNewTopic) this.#send({ type: 'subscribe', topics: [listener.topic] });
    return () => this.#remove(listener);
  }

  #remove(listener: Listener) {
    this.#listeners.delete(listener);
    if (!this.#topics().has(listener.topic)) this.#send({ type: 'unsubscribe', topics: [listener.topic] });
    if (this.#listeners.size === 0) {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = setTimeout(() => this.#close(), IDLE_CLOSE_MS);
    }
  }

  #topics() {
    return new Set([...this.#listeners].map((listener) => listener.topic));
  }

  #setStatus(status: LiveStatus) {
    if (status === this.#status) return;
    this.#status = status;
    for (const listener of this.#statusListeners) listener();
  }

  #send(message: unknown) {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  #connect() {
    clearTimeout(this.#retryTimer);
    this.#setStatus(this.#everOpened ? 'reconnecting' : 'connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
    const socket = new WebSocket(url);
    this.#socket = socket;

    socket.addEventListener('open', () => {
      const reconnected = this.#everOpened;
      this.#everOpened = true;
      this.#attempt = 0;
      this.#setStatus('open');
      const topics = [...this.#topics()];
      if (topics.length > 0) this.#send({ type: 'subscribe', topics });
      if (reconnected) for (const listener of [...this.#listeners]) listener.onReconnect();
    });

    socket.addEventListener('message', (message) => {
      let parsed: ServerMessage;
      try {
        parsed = JSON.parse(String(message.data)) as ServerMessage;
      } catch {
        return;
      }
      if (parsed.type !== 'event') return;
      const { type: _type, ...event } = parsed;
      for (const listener of [...this.#listeners]) if (covers(listener.topic, event.topic)) listener.onEvent(event);
    });

    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (this.#listeners.size === 0) return this.#setStatus('idle');
      this.#setStatus('reconnecting');
      // Counted as a reconnect even if the first attempt never opened: what it missed must be fetched.
      this.#everOpened = true;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.#attempt);
      this.#attempt += 1;
      this.#retryTimer = setTimeout(() => this.#connect(), delay / 2 + Math.random() * (delay / 2));
    });
  }

  /** The network came back or the tab became visible: try now instead of waiting out the backoff. */
  retrySoon() {
    if (this.#socket || this.#listeners.size === 0) return;
    this.#attempt = 0;
    this.#connect();
  }

  #close() {
    if (this.#listeners.size > 0) return;
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    this.#socket = null;
    this.#everOpened = false;
    this.#attempt = 0;
    socket?.close(1000, 'no listeners');
    this.#setStatus('idle');
  }
}

const connection = new LiveConnection();

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => connection.retrySoon());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') connection.retrySoon();
  });
}

/**
 * Calls `onEvent` for every event on `topic` (and its sub-topics) while the component is mounted.
 * `onReconnect` runs after the connection comes back, so the page can re-fetch what it may have missed.
 * The server refuses topics the user lacks the permission for; nothing arrives on those. `enabled: false`
 * opens nothing: the socket is for signed-in users, and a page may be shown to visitors who are not.
 */
export function useLiveTopic(
  topic: string,
  onEvent: (event: LiveEvent) => void,
  onReconnect?: () => void,
  enabled = true,
) {
  const onEventRef = useRef(onEvent);
  const onReconnectRef = useRef(onReconnect);
  useEffect(() => {
    onEventRef.current = onEvent;
    onReconnectRef.current = onReconnect;
  });

  useEffect(
    () =>
      enabled
        ? connection.add({
            topic,
            onEvent: (event) => onEventRef.current(event),
            onReconnect: () => onReconnectRef.current?.(),
          })
        : undefined,
    [topic, enabled],
  );

  return useSyncExternalStore(
    (listener) => connection.onStatus(listener),
    () => connection.status,
  );
}
