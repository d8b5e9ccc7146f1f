import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnouncementQueue, type ClipPlayer } from '../../../../renderer/audio/announcement-queue';
import { composeAnnouncement, LETTER_CLIPS } from '../../../../renderer/audio/compose';
import { numberToClips } from '../../../../renderer/audio/number-clips';

const AUDIO_DIR = join(import.meta.dirname, '../../../../resources/audio');

describe('composeAnnouncement', () => {
  it('reads «Талон А-012, вікно 3» with the number without leading zeros', () => {
    expect(composeAnnouncement('А-012', 3)).toEqual(['chime', 'talon', 'letter-a', 'num-12', 'vikno', 'num-3']);
  });
  it('reads the priority series and longer numbers', () => {
    expect(composeAnnouncement('П-007', 12)).toEqual(['chime', 'talon', 'letter-p', 'num-7', 'vikno', 'num-12']);
    expect(composeAnnouncement('Я-345', 101)).toEqual(['chime', 'talon', 'letter-ya', 'num-300', 'num-40', 'num-5', 'vikno', 'num-100', 'num-1']);
  });
  it('skips a letter it has no clip for and still reads the number and window', () => {
    expect(composeAnnouncement('Ґ-001', 2)).toEqual(['chime', 'talon', 'num-1', 'vikno', 'num-2']);
  });
  it('has a committed clip file for every clip it can name', () => {
    const names = new Set(['talon', 'vikno', ...Object.values(LETTER_CLIPS)]);
    for (let n = 0; n <= 999; n += 1) for (const clip of numberToClips(n)) names.add(clip);
    for (const name of names) expect(existsSync(join(AUDIO_DIR, 'uk', `${name}.mp3`)), name).toBe(true);
    expect(existsSync(join(AUDIO_DIR, 'chime.mp3'))).toBe(true);
  });
});

/** A fake player: each play() waits until the test releases it; it records overlaps. */
function fakePlayer() {
  const started: string[][] = [];
  const releases: Array<(ok: boolean) => void> = [];
  let active = 0;
  let maxActive = 0;
  const player: ClipPlayer = {
    play(clips) {
      started.push(clips);
      active += 1;
      maxActive = Math.max(maxActive, active);
      return new Promise<void>((resolve, reject) => {
        releases.push((ok) => {
          active -= 1;
          if (ok) resolve();
          else reject(Object.assign(new Error('refused'), { name: 'NotAllowedError' }));
        });
      });
    },
  };
  return { player, started, releases, maxActive: () => maxActive };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('announcement queue', () => {
  it('plays announcements one after another, never overlapping, in order', async () => {
    const fake = fakePlayer();
    const queue = createAnnouncementQueue(fake.player);
    queue.enqueue({ number: 'А-012', deskNo: 3 });
    queue.enqueue({ number: 'Б-001', deskNo: 1 });
    queue.enqueue({ number: 'П-002', deskNo: 2 });
    expect(fake.started).toHaveLength(1);
    expect(queue.state()).toMatchObject({ last: 'П-002|2', queued: 3, pending: [{ number: 'Б-001' }, { number: 'П-002' }] });
    fake.releases[0]?.(true);
    await tick();
    expect(fake.started).toHaveLength(2);
    expect(fake.started[1]).toEqual(composeAnnouncement('Б-001', 1));
    fake.releases[1]?.(false); // a refused play is counted and the queue moves on
    await tick();
    expect(queue.state()).toMatchObject({ failed: 1, lastError: 'NotAllowedError', playing: { number: 'П-002' } });
    fake.releases[2]?.(true);
    await queue.idle();
    expect(fake.maxActive()).toBe(1);
    expect(queue.state()).toMatchObject({ played: 2, failed: 1, playing: null, pending: [] });
  });

  it('notifies subscribers and resolves idle() at once when nothing is queued', async () => {
    const fake = fakePlayer();
    const queue = createAnnouncementQueue(fake.player);
    await queue.idle();
    const seen: number[] = [];
    const off = queue.subscribe((s) => seen.push(s.queued));
    queue.enqueue({ number: 'А-001', deskNo: 1 });
    off();
    queue.enqueue({ number: 'А-002', deskNo: 1 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((q) => q === 1)).toBe(true);
  });
});
