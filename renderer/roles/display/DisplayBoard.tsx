import { useTranslation } from 'react-i18next';
import type { DisplayView } from '../../../contract/queue';
import { callKey } from './new-calls';

export interface DisplayBoardProps {
  view: DisplayView;
  lang: 'uk' | 'en';
}

/** The hall board: the newest call very large, the calls before it, and the queue per service. */
export function DisplayBoard({ view, lang }: DisplayBoardProps) {
  const { t } = useTranslation();
  const [latest, ...earlier] = view.recentCalls;
  return (
    <div className="display-board">
      <section className="display-now" aria-labelledby="display-now-title" aria-live="polite">
        <h2 id="display-now-title">{t('queue.display.nowCalled')}</h2>
        {latest ? (
          <div key={callKey(latest)} className="display-now-call display-call-new" data-testid="display-now" data-number={latest.number} data-desk={latest.deskNo}>
            <span className="display-now-number" data-testid="display-now-number">{latest.number}</span>
            <span className="display-now-arrow" aria-hidden="true">→</span>
            <span className="display-now-desk">
              <span className="display-now-desk-label">{t('queue.display.windowLabel')}</span>
              <span className="display-now-desk-no" data-testid="display-now-desk">{latest.deskNo}</span>
            </span>
            {latest.recall && <span className="display-recall">{t('queue.display.recallMark')}</span>}
          </div>
        ) : (
          <p className="display-empty">{t('queue.display.noCalls')}</p>
        )}
      </section>
      <section className="display-recent" aria-labelledby="display-recent-title">
        <h2 id="display-recent-title">{t('queue.display.recent')}</h2>
        {earlier.length === 0 && <p className="display-recent-empty">—</p>}
        <ol className="display-recent-list" data-testid="display-recent">
          {earlier.map((call) => (
            <li key={callKey(call)}>
              <span className="display-recent-number">{call.number}</span>
              <span className="display-recent-desk">{t('queue.display.window', { no: call.deskNo })}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="display-services" aria-labelledby="display-services-title">
        <h2 id="display-services-title">{t('queue.display.services')}</h2>
        <table>
          <tbody>
            {view.services.map((service) => (
              <tr key={service.serviceId} data-testid={`display-service-${service.serviceId}`}>
                <th scope="row">
                  <span className="display-prefix">{service.prefix}</span> {service.name[lang]}
                </th>
                <td>
                  {service.waiting} {t('queue.display.waiting')}
                </td>
                <td>
                  {service.estimatedWaitMin === null ? t('queue.noEstimate') : t('queue.minutes', { count: service.estimatedWaitMin })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
