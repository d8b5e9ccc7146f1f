import { useEffect, useRef } from 'react';
import { createBurstDetector, type BurstOptions } from './burst-detector';
import type { WedgeKeyEvent } from './decode-wedge';

/*
 * Keyboard-wedge scanners on a page: every keydown goes through the burst detector. A burst
 * (a scanner typing a whole code in a few ms per key) becomes `onScan(text)`, decoded by
 * physical key so a Ukrainian layout does not garble it; keys a person typed come back through
 * `onTyping` a moment later (after the burst gap), in order, for the keypad to apply.
 * Keys aimed at a real text field or a <select> are left alone.
 */

export interface WedgeScannerOptions extends BurstOptions {
  onScan: (text: string) => void;
  onTyping: (events: WedgeKeyEvent[]) => void;
  enabled?: boolean;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function toWedgeEvent(event: KeyboardEvent): WedgeKeyEvent {
  return {
    code: event.code,
    key: event.key,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    timeStamp: event.timeStamp,
  };
}

/** Listens to keydown on `window` while mounted (and enabled), splitting scanner bursts from typing. */
export function useWedgeScanner(options: WedgeScannerOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { minChars, maxGapMs, maxChars, enabled = true } = options;

  useEffect(() => {
    if (!enabled) return undefined;
    const gapMs = maxGapMs ?? 35;
    const detector = createBurstDetector({ minChars, maxGapMs: gapMs, maxChars });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const deliver = (outputs: ReturnType<typeof detector.push>) => {
      for (const out of outputs) {
        if (out.kind === 'scan') latest.current.onScan(out.text);
        else latest.current.onTyping(out.events);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || isEditable(event.target)) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return; // shortcuts stay with the browser
      const isTerminator = event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'Tab';
      // Enter, Tab or Space on a focused button, with no burst under way, is a person using the button.
      const activatesButton = isTerminator || event.code === 'Space';
      if (activatesButton && detector.pending() === 0 && event.target instanceof HTMLButtonElement) return;
      // A terminator ending a burst must not also click the focused button; a lone one keeps its default.
      if (!isTerminator || detector.pending() > 0) event.preventDefault();
      deliver(detector.push(toWedgeEvent(event)));
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => deliver(detector.flush(performance.now())), gapMs + 10);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      if (timer !== null) clearTimeout(timer);
    };
  }, [enabled, minChars, maxGapMs, maxChars]);
}
