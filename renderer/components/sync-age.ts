import type { TFunction } from 'i18next';

/** An age in seconds as words ("45 s", "12 min", "3 h 5 min", "2 d 4 h"). */
export function formatSyncAge(seconds: number, t: TFunction): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('sync.age.seconds', { n: s });
  if (s < 3600) return t('sync.age.minutes', { n: Math.floor(s / 60) });
  if (s < 86_400) return t('sync.age.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return t('sync.age.days', { d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600) });
}
