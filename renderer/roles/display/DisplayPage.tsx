import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Clock } from '../../components/Clock';
import { RolePage } from '../../components/RolePage';
import { useQueue } from '../../stores/queue';
import { DisplayBoard } from './DisplayBoard';
import { useAnnouncementState, useAnnounceNewCalls, useAudioCheck } from './use-announcements';
import './display.css';

/** `/display`: the waiting-hall TV — calls, windows, waits, the air-raid banner, chime and voice. */
export function DisplayPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const view = useQueue((s) => s.display);
  const announcements = useAnnouncementState();
  const audio = useAudioCheck();
  useEffect(() => useQueue.getState().follow('display'), []);
  useAnnounceNewCalls(view);

  // A refused play() after start (autoplay policy) also asks for the one tap, until it is given.
  const blocked = audio.result === 'blocked' || (announcements.lastError === 'NotAllowedError' && !audio.tapped);
  const audioLabel = {
    checking: t('queue.display.audioChecking'), ok: t('queue.display.audioOk'), blocked: t('queue.display.audioBlocked'), failed: t('queue.display.audioFailed'),
  }[blocked ? 'blocked' : audio.result];

  return (
    <RolePage role="display" title={t('roles.display')} intro="">
      <div className="display" data-testid="display">
        {view?.paused && (
          <div className="display-air-raid" role="alert" data-testid="display-air-raid">
            <p className="display-air-raid-title">{t('queue.display.airRaid')}</p>
            <p>{t('queue.display.airRaidSub')}</p>
          </div>
        )}
        {view?.dayClosed && <p className="display-closed" role="status">{t('queue.display.dayClosed')}</p>}
        <div className="display-top">
          <div className="display-clock">
            <Clock language={lang} />
          </div>
          <p
            className="display-audio"
            data-testid="announcement-queue"
            data-last={announcements.last ?? ''}
            data-count={announcements.queued}
            data-played={announcements.played}
            data-failed={announcements.failed}
            data-audio={blocked ? 'blocked' : audio.result}
          >
            {audioLabel}
          </p>
        </div>
        {blocked && (
          <button type="button" className="display-enable-sound" data-testid="display-enable-sound" onClick={audio.enable}>
            <span className="display-enable-sound-title">{t('queue.display.enableSound')}</span>
            <span>{t('queue.display.enableSoundHint')}</span>
          </button>
        )}
        {view ? <DisplayBoard view={view} lang={lang} /> : <p role="status">{t('queue.display.loading')}</p>}
      </div>
    </RolePage>
  );
}
