import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel', 'scroll'] as const;

/**
 * Calls `onIdle` once nobody touched the page for `timeoutMs` while `armed` (a half-filled kiosk form): the next
 * guest must not find, or send, what the previous one left behind.
 */
export function useIdleReset(timeoutMs: number, armed: boolean, onIdle: () => void) {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  useEffect(() => {
    if (!armed) return;
    let timer = setTimeout(() => onIdleRef.current(), timeoutMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onIdleRef.current(), timeoutMs);
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [timeoutMs, armed]);
}
