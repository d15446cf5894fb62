import { useEffect, useRef, useState } from 'react';
import { emptyScanBuffer, scannerKey } from '../api/scanner';

/** As the original: after a scan, the next one is taken only three seconds later. */
export const SCAN_LOCKOUT_MS = 3_000;

export type ScannerState = 'ready' | 'paused' | 'locked';

const NOT_TYPED_INTO = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** A field that takes typing: what the scanner types there is the receptionist's text, not a scan. */
function takesTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPED_INTO.has(target.type);
  return target.isContentEditable;
}

/** A dialog (Reject?) is open: keys are for it. */
const inDialog = (target: EventTarget | null) =>
  target instanceof Element && Boolean(target.closest('[role="dialog"]'));

/**
 * Listens for a keyboard-typing barcode scanner anywhere on the page while no text field has focus (a field that
 * has it keeps its keys: the receptionist is writing notes). Each code ends with Enter; a code that arrives
 * during the lockout after the previous one is dropped.
 */
export function useBarcodeScanner(onCode: (code: string) => void) {
  const onCodeRef = useRef(onCode);
  const buffer = useRef(emptyScanBuffer);
  const lockedUntil = useRef(0);
  const [paused, setPaused] = useState(false);
  const [lockEnds, setLockEnds] = useState(0);
  const [now, setNow] = useState(Date.now);

  useEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    const focusChanged = (event: FocusEvent) =>
      setPaused(event.type === 'focusin' ? takesTyping(event.target) : takesTyping(event.relatedTarget));
    const keydown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (takesTyping(event.target) || inDialog(event.target)) return;
      const at = Date.now();
      const result = scannerKey(buffer.current, event.key, at);
      buffer.current = result.buffer;
      if (result.code === null) return;
      // The Enter ends a scan; it must not also press the button that happens to have focus.
      event.preventDefault();
      if (at < lockedUntil.current) return;
      lockedUntil.current = at + SCAN_LOCKOUT_MS;
      setLockEnds(lockedUntil.current);
      setNow(at);
      onCodeRef.current(result.code);
    };
    setPaused(takesTyping(document.activeElement));
    document.addEventListener('focusin', focusChanged);
    document.addEventListener('focusout', focusChanged);
    window.addEventListener('keydown', keydown, true);
    return () => {
      document.removeEventListener('focusin', focusChanged);
      document.removeEventListener('focusout', focusChanged);
      window.removeEventListener('keydown', keydown, true);
    };
  }, []);

  // Ticks only while the lockout runs, for its countdown.
  useEffect(() => {
    if (lockEnds <= Date.now()) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= lockEnds) clearInterval(timer);
    }, 100);
    return () => clearInterval(timer);
  }, [lockEnds]);

  const remainingMs = Math.max(0, lockEnds - now);
  const state: ScannerState = remainingMs > 0 ? 'locked' : paused ? 'paused' : 'ready';
  return { state, remainingMs };
}
