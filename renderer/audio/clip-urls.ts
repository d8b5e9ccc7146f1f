import chimeUrl from '../../resources/audio/chime.mp3?url';
import { CHIME } from './compose';

// Bundled by Vite: every voice clip gets a hashed URL under /assets (served as 'self' under the CSP).
const VOICE = import.meta.glob('../../resources/audio/uk/*.mp3', { query: '?url', import: 'default', eager: true });

/** Clip name (file name without `.mp3`) → its bundled URL. */
export const CLIP_URLS: Readonly<Record<string, string>> = Object.freeze({
  [CHIME]: chimeUrl,
  ...Object.fromEntries(
    Object.entries(VOICE).map(([path, url]) => [path.replace(/^.*\//, '').replace(/\.mp3$/, ''), String(url)]),
  ),
});
