import { useEffect, useRef } from 'react';

/** Call `onIdle` after `ms` without a touch, click or key while `active` (kiosk reset to its start screen). */
export function useInactivity(active: boolean, onIdle: () => void, ms = 30_000): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  });
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(() => callback.current(), ms);
    const poke = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;
    for (const name of events) window.addEventListener(name, poke, true);
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, poke, true);
    };
  }, [active, ms]);
}
