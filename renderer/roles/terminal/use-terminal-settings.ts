import { useEffect, useState } from 'react';
import type { TerminalSettingsResponse } from '../../../contract/queue-hub';
import { getQueueApi } from '../../api/queue';

/** The terminal's settings from the hub (asked once per mount); null until known or when the hub cannot say. */
export function useTerminalSettings(): TerminalSettingsResponse | null {
  const [settings, setSettings] = useState<TerminalSettingsResponse | null>(null);
  useEffect(() => {
    let live = true;
    // Without an answer the terminal still works: no automatic camera, letters from the services only.
    getQueueApi().terminalSettings().then(
      (answer) => {
        if (live) setSettings(answer);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return settings;
}
