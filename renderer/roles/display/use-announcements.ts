import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DisplayView } from '../../../contract/queue';
import type { AnnouncementQueueState } from '../../audio/announcement-queue';
import { CLIP_URLS } from '../../audio/clip-urls';
import { runAudioSelfTest, type AudioSelfTest } from '../../audio/html-audio-player';
import { getAnnouncer } from './announcer';
import { newCalls } from './new-calls';

/** Queue an announcement for every call that appears in the display view after the page started. */
export function useAnnounceNewCalls(view: DisplayView | null): void {
  const previous = useRef<DisplayView | null>(null);
  useEffect(() => {
    if (!view) return;
    for (const call of newCalls(previous.current, view)) getAnnouncer().enqueue({ number: call.number, deskNo: call.deskNo });
    previous.current = view;
  }, [view]);
}

/** The announcement queue's state, for the screen (and the e2e test's testid). */
export function useAnnouncementState(): AnnouncementQueueState {
  const announcer = getAnnouncer();
  return useSyncExternalStore(announcer.subscribe, announcer.state);
}

/** Audio self-test at start; `enable()` retries inside a tap (browsers allow sound after one). */
export function useAudioCheck(): { result: AudioSelfTest | 'checking'; tapped: boolean; enable(): void } {
  const [result, setResult] = useState<AudioSelfTest | 'checking'>('checking');
  const [tapped, setTapped] = useState(false);
  useEffect(() => {
    let alive = true;
    void runAudioSelfTest(CLIP_URLS).then((r) => alive && setResult(r));
    return () => {
      alive = false;
    };
  }, []);
  const enable = (): void => {
    setTapped(true);
    void runAudioSelfTest(CLIP_URLS).then(setResult);
  };
  return { result, tapped, enable };
}
