import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Start of the current minute, so state only changes (and React only re-renders) once a minute. */
function currentMinute(): number {
  return Math.floor(Date.now() / 60_000) * 60_000;
}

/** Wall clock for the status bar (hours:minutes). */
export function Clock({ language }: { language: string }) {
  const { t } = useTranslation();
  const [minute, setMinute] = useState(currentMinute);
  useEffect(() => {
    // Tick every second but set the same number within a minute: React skips those renders.
    const timer = setInterval(() => setMinute(currentMinute()), 1000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(minute);
  const text = new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(date);
  return (
    <time className="status-clock" dateTime={date.toISOString()} aria-label={`${t('status.clock')}: ${text}`} aria-live="off" data-testid="status-clock">
      {text}
    </time>
  );
}
