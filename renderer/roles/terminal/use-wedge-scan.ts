import { useEffect, useRef } from 'react';
import { createBurstDetector } from '../../scan/wedge/burst-detector';

/** Booking code out of what a scanner typed: the code itself, or a URL ending with it / carrying `code=`. */
export function bookingCodeFromScan(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z0-9-]{4,32}$/.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    const param = url.searchParams.get('code');
    const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
    const candidate = param ?? last;
    return /^[A-Za-z0-9-]{4,32}$/.test(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * Listen for keyboard-wedge scanner bursts on the window while `enabled` (decoded by physical key,
 * so a Ukrainian layout does not garble them). A person's typing passes through untouched.
 */
export function useWedgeScan(onScan: (text: string) => void, enabled: boolean): void {
  const callback = useRef(onScan);
  useEffect(() => {
    callback.current = onScan;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const detector = createBurstDetector({ minChars: 4, maxGapMs: 35 });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const emit = (outputs: ReturnType<typeof detector.flush>): void => {
      for (const output of outputs) if (output.kind === 'scan') callback.current(output.text);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      emit(detector.push({ code: event.code, key: event.key, shiftKey: event.shiftKey, timeStamp: event.timeStamp, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey }));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => emit(detector.flush(performance.now())), 60);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      if (timer) clearTimeout(timer);
    };
  }, [enabled]);
}
