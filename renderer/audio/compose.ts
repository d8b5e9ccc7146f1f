import { numberToClips } from './number-clips';

/** Ukrainian capital letter → its clip name (ASCII transliteration, see resources/audio/README.md). */
export const LETTER_CLIPS: Readonly<Record<string, string>> = {
  А: 'letter-a', Б: 'letter-b', В: 'letter-v', Г: 'letter-h', Д: 'letter-d', Е: 'letter-e', Є: 'letter-ye',
  Ж: 'letter-zh', З: 'letter-z', И: 'letter-y', І: 'letter-i', К: 'letter-k', Л: 'letter-l', М: 'letter-m',
  Н: 'letter-n', О: 'letter-o', П: 'letter-p', Р: 'letter-r', С: 'letter-s', Т: 'letter-t', У: 'letter-u',
  Ф: 'letter-f', Х: 'letter-kh', Ц: 'letter-ts', Ч: 'letter-ch', Ш: 'letter-sh', Ю: 'letter-yu', Я: 'letter-ya',
};

/** The chime's clip name; it always opens an announcement. */
export const CHIME = 'chime';

/**
 * «Талон А-012, вікно 3» as clip names. The digits are read as one number without leading zeros
 * ("012" → «дванадцять»), as people say it; an unknown letter is skipped rather than misread.
 */
export function composeAnnouncement(ticketNumber: string, deskNo: number): string[] {
  const match = /^(\p{Lu}*)-?(\d+)$/u.exec(ticketNumber.trim());
  const clips = [CHIME, 'talon'];
  if (match) {
    for (const letter of match[1] ?? '') {
      const clip = LETTER_CLIPS[letter];
      if (clip) clips.push(clip);
    }
    clips.push(...numberToClips(Number(match[2])));
  }
  clips.push('vikno', ...numberToClips(deskNo));
  return clips;
}
