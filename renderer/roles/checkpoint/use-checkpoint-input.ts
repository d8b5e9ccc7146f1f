import { useCallback, useRef, useState } from 'react';
import { checkKeypadDigits, type KeypadKey } from '../../scan/keypad';
import { decodeWedgeKey, type WedgeKeyEvent } from '../../scan/wedge/decode-wedge';
import { useVerification } from '../../stores/verification';

/*
 * The keypad's digits and what typed keys do on the checkpoint screen: digits (by physical
 * key, so any layout works) go to the keypad, Backspace / Escape edit, Enter verifies; with a
 * result showing, Enter, Space and Escape are "next".
 */

export interface CheckpointInput {
  digits: string;
  incomplete: boolean;
  pressKey(key: KeypadKey): void;
  submit(): void;
  applyTyping(events: WedgeKeyEvent[]): void;
}

/** Keypad state plus the keyboard mapping; the check digit is validated before anything is sent. */
export function useCheckpointInput(): CheckpointInput {
  const [digits, setDigitsState] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const digitsRef = useRef('');
  const setDigits = useCallback((next: string) => {
    digitsRef.current = next;
    setDigitsState(next);
    setIncomplete(false);
  }, []);

  const pressKey = useCallback(
    (key: KeypadKey) => {
      const current = digitsRef.current;
      if (key === 'clear') return setDigits('');
      if (key === 'backspace') return setDigits(current.slice(0, -1));
      if (current.length < 13) setDigits(current + key);
    },
    [setDigits],
  );

  const submit = useCallback(() => {
    const typed = digitsRef.current;
    const check = checkKeypadDigits(typed);
    const store = useVerification.getState();
    if (check === 'incomplete') return setIncomplete(true);
    if (check === 'typo') return store.showLocalVerdict('typo', 'keypad'); // digits kept, to be corrected
    setDigits('');
    void store.verify(typed, 'keypad');
  }, [setDigits]);

  const applyTyping = useCallback(
    (events: WedgeKeyEvent[]) => {
      for (const event of events) {
        const store = useVerification.getState();
        const isNext = event.code === 'Enter' || event.code === 'NumpadEnter' || event.code === 'Space' || event.code === 'Escape';
        if (store.result !== null && isNext) {
          store.clearResult();
          continue;
        }
        if (event.code === 'Enter' || event.code === 'NumpadEnter') submit();
        else if (event.code === 'Backspace') pressKey('backspace');
        else if (event.code === 'Escape' || event.code === 'Delete') pressKey('clear');
        else {
          const char = decodeWedgeKey(event);
          if (char !== null && /^\d$/.test(char)) pressKey(char as KeypadKey);
        }
      }
    },
    [pressKey, submit],
  );

  return { digits, incomplete, pressKey, submit, applyTyping };
}
