import { createAnnouncementQueue, type AnnouncementQueue } from '../../audio/announcement-queue';
import { CLIP_URLS } from '../../audio/clip-urls';
import { createHtmlAudioPlayer } from '../../audio/html-audio-player';

let announcer: AnnouncementQueue | null = null;

/** The display's one announcement queue (one audio output: announcements never overlap). */
export function getAnnouncer(): AnnouncementQueue {
  announcer ??= createAnnouncementQueue(createHtmlAudioPlayer({ urls: CLIP_URLS }));
  return announcer;
}

/** Replace the announcer (tests use a fake player). */
export function setAnnouncer(next: AnnouncementQueue | null): void {
  announcer = next;
}
