import type { ClipPlayer } from './announcement-queue';

export interface HtmlAudioPlayerOptions {
  urls: Readonly<Record<string, string>>;
  volume?: number;
  /** A clip that never ends (broken file, stuck device) is abandoned after this long. */
  clipTimeoutMs?: number;
  createAudio?: () => HTMLAudioElement;
}

function playOne(audio: HTMLAudioElement, url: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => resolve()), timeoutMs);
    const onEnded = (): void => finish(() => resolve());
    const onError = (): void => finish(() => reject(new Error(`clip failed: ${url}`)));
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      audio.removeEventListener('ended', onEnded);
      audio.removeEventListener('error', onError);
      settle();
    };
    audio.addEventListener('ended', onEnded);
    audio.addEventListener('error', onError);
    audio.src = url;
    audio.play().catch((error: unknown) => finish(() => reject(error)));
  });
}

/** Plays clips one after another on one HTMLAudioElement; unknown clip names are skipped. */
export function createHtmlAudioPlayer(options: HtmlAudioPlayerOptions): ClipPlayer {
  const audio = options.createAudio?.() ?? new Audio();
  audio.preload = 'auto';
  audio.volume = options.volume ?? 1;
  const timeoutMs = options.clipTimeoutMs ?? 5000;
  return {
    async play(clips) {
      for (const clip of clips) {
        const url = options.urls[clip];
        if (url) await playOne(audio, url, timeoutMs);
      }
    },
  };
}

/** Result of the display's audio self-test. */
export type AudioSelfTest = 'ok' | 'blocked' | 'failed';

/**
 * Play the chime very quietly: proves the clips decode and whether the browser lets the page play
 * sound without a tap (`blocked` → the display asks for one tap).
 */
export async function runAudioSelfTest(urls: Readonly<Record<string, string>>, createAudio?: () => HTMLAudioElement): Promise<AudioSelfTest> {
  const player = createHtmlAudioPlayer({ urls, volume: 0.02, clipTimeoutMs: 3000, ...(createAudio ? { createAudio } : {}) });
  try {
    await player.play(['chime']);
    return 'ok';
  } catch (error) {
    return error instanceof Error && error.name === 'NotAllowedError' ? 'blocked' : 'failed';
  }
}
