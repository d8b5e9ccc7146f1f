#!/usr/bin/env node
// Generates the hall display's voice clips (resources/audio/uk/*.mp3) with espeak-ng and the chime
// (resources/audio/chime.mp3) with ffmpeg sine tones. Run once (`npm run voice:generate`) and commit
// the files: the app never synthesises speech at run time. Studio recordings can replace any clip
// under the same file name. Needs `espeak-ng` and `ffmpeg` on PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'resources/audio/uk');
const chimePath = join(root, 'resources/audio/chime.mp3');

/** Clip name → Ukrainian text spoken. Names are ASCII so every tool and bundler handles them. */
const CLIPS = {
  talon: 'Талон',
  vikno: 'вікно',
  // Letter names as a person reads a ticket prefix aloud.
  'letter-a': 'а', 'letter-b': 'бе', 'letter-v': 'ве', 'letter-h': 'ге', 'letter-d': 'де', 'letter-e': 'е',
  'letter-ye': 'є', 'letter-zh': 'же', 'letter-z': 'зе', 'letter-y': 'и', 'letter-i': 'і', 'letter-k': 'ка',
  'letter-l': 'ел', 'letter-m': 'ем', 'letter-n': 'ен', 'letter-o': 'о', 'letter-p': 'пе', 'letter-r': 'ер',
  'letter-s': 'ес', 'letter-t': 'те', 'letter-u': 'у', 'letter-f': 'еф', 'letter-kh': 'ха', 'letter-ts': 'це',
  'letter-ch': 'че', 'letter-sh': 'ша', 'letter-yu': 'ю', 'letter-ya': 'я',
  'num-0': 'нуль', 'num-1': 'один', 'num-2': 'два', 'num-3': 'три', 'num-4': 'чотири', 'num-5': 'пʼять',
  'num-6': 'шість', 'num-7': 'сім', 'num-8': 'вісім', 'num-9': 'девʼять', 'num-10': 'десять',
  'num-11': 'одинадцять', 'num-12': 'дванадцять', 'num-13': 'тринадцять', 'num-14': 'чотирнадцять',
  'num-15': 'пʼятнадцять', 'num-16': 'шістнадцять', 'num-17': 'сімнадцять', 'num-18': 'вісімнадцять',
  'num-19': 'девʼятнадцять', 'num-20': 'двадцять', 'num-30': 'тридцять', 'num-40': 'сорок',
  'num-50': 'пʼятдесят', 'num-60': 'шістдесят', 'num-70': 'сімдесят', 'num-80': 'вісімдесят',
  'num-90': 'девʼяносто', 'num-100': 'сто', 'num-200': 'двісті', 'num-300': 'триста', 'num-400': 'чотириста',
  'num-500': 'пʼятсот', 'num-600': 'шістсот', 'num-700': 'сімсот', 'num-800': 'вісімсот', 'num-900': 'девʼятсот',
};

// Mono 22.05 kHz MP3 at 32 kbit/s: small, and every browser and Chromium build decodes it.
const ENCODE = ['-ac', '1', '-ar', '22050', '-c:a', 'libmp3lame', '-b:a', '32k'];
// Trim espeak's leading and trailing silence, then end each clip with 80 ms of quiet: the words of an
// announcement join like speech, neither slurred nor gappy.
const TRIM =
  'silenceremove=start_periods=1:start_threshold=-50dB,areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse,apad=pad_dur=0.08';

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

function generateClips(tmp) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(CLIPS)) {
    const wav = join(tmp, `${name}.wav`);
    // Written with ʼ (U+02BC) as Ukrainian typography wants, but espeak spells ʼ and ’ out letter by
    // letter: it must get the ASCII apostrophe.
    // Letter names are one short syllable: say them slower so «і» or «у» is heard across a hall.
    const speed = name.startsWith('letter-') ? '105' : '140';
    run('espeak-ng', ['-v', 'uk', '-s', speed, '-p', '45', '-w', wav, text.replace(/[ʼ’]/g, "'")]);
    run('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-af', TRIM, ...ENCODE, join(outDir, `${name}.mp3`)]);
  }
}

function generateChime() {
  // Two soft descending tones (E6 then C6), each faded in and out: heard, not alarming.
  const tone = (freq, start) =>
    `sine=frequency=${freq}:duration=0.45,afade=t=in:d=0.02,afade=t=out:st=0.15:d=0.3,volume=0.5,adelay=${start}|${start}`;
  const graph = `${tone(1319, 0)}[a];${tone(1047, 380)}[b];[a][b]amix=inputs=2:normalize=0`;
  run('ffmpeg', ['-y', '-loglevel', 'error', '-filter_complex', graph, '-t', '1.0', ...ENCODE, chimePath]);
}

const tmp = mkdtempSync(join(tmpdir(), 'varta-voice-'));
try {
  generateClips(tmp);
  generateChime();
  console.log(`Generated ${Object.keys(CLIPS).length} clips in ${outDir} and ${chimePath}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
