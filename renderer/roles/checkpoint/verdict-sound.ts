import type { VerdictClass } from '../../../contract/eid';
import okUrl from '../../../resources/sounds/ok.wav';
import retryUrl from '../../../resources/sounds/retry.wav';
import stopUrl from '../../../resources/sounds/stop.wav';

// Bundled by Vite from resources/sounds (see its README); one tone per verdict class.
const SOUND_URL: Readonly<Record<VerdictClass, string>> = { ok: okUrl, stop: stopUrl, retry: retryUrl };

/** Plays the verdict class's tone; a kiosk without audio (or autoplay refused) stays silent. */
export function playVerdictSound(verdictClass: VerdictClass): void {
  try {
    const audio = new Audio(SOUND_URL[verdictClass]);
    void audio.play()?.catch(() => undefined);
  } catch {
    // No audio device or no Audio in this environment: the screen still shows the verdict.
  }
}
