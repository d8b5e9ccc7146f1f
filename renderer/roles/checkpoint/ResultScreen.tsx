import { useTranslation } from 'react-i18next';
import { VERDICTS_WITH_DOCUMENT, verdictClassOf, type EidDocument, type VerdictClass } from '../../../contract/eid';
import type { CheckResult } from '../../stores/verification';
import { formatDay, formatMoment } from './format';

export interface ResultScreenProps {
  result: CheckResult;
  secondsLeft: number;
  language: string;
  onNext: () => void;
}

// Shapes as well as colours, so the class reads without colour (and in high contrast).
const CLASS_ICON: Record<VerdictClass, string> = { ok: '✔', stop: '✖', retry: '⟳' };

function DocumentFields({ doc, language }: { doc: EidDocument; language: string }) {
  const { t } = useTranslation();
  const rows: Array<[string, string, string]> = [
    ['position', t('eid.field.position'), doc.position],
    ['issuer', t('eid.field.issuer'), doc.issuer],
    ['series-number', t('eid.field.seriesNumber'), doc.seriesNumber],
    ['issued-on', t('eid.field.issuedOn'), formatDay(doc.issuedOn, language)],
  ];
  if (doc.expiresOn) rows.push(['expires-on', t('eid.field.expiresOn'), formatDay(doc.expiresOn, language)]);
  rows.push(['document-name', t('eid.field.documentName'), `${doc.documentName} · ${doc.country}`]);
  return (
    <div className="result-document">
      <img className="result-photo" src={doc.photo} alt={t('eid.field.photoAlt')} data-testid="result-photo" />
      <div className="result-fields">
        <p className="result-name" data-testid="result-name">
          {doc.fullName}
        </p>
        <dl>
          {rows.map(([id, label, value]) => (
            <div key={id} className="result-field">
              <dt>{label}</dt>
              <dd data-testid={`result-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

function VerdictWords({ result, language }: { result: CheckResult; language: string }) {
  const { t } = useTranslation();
  if (result.kind === 'failed') {
    return (
      <>
        <h2 className="result-title" data-testid="result-title">{t('eid.failed.title')}</h2>
        <p className="result-action">{t('eid.failed.action')}</p>
        <p className="result-sub">{t(result.messageKey)}</p>
      </>
    );
  }
  const { verdict, usedBefore, policyReason } = result.response;
  return (
    <>
      <h2 className="result-title" data-testid="result-title">{t(`eid.verdict.${verdict}.title`)}</h2>
      <p className="result-action" data-testid="result-action">{t(`eid.verdict.${verdict}.action`)}</p>
      {usedBefore && (
        <p className="result-sub" data-testid="result-used-before">
          {t('eid.usedBefore', { when: formatMoment(usedBefore.at, language), where: usedBefore.checkpoint })}
        </p>
      )}
      {verdict === 'denied_by_policy' && policyReason && <p className="result-sub">{t('eid.policyReason', { reason: policyReason })}</p>}
    </>
  );
}

/** The full-screen verdict: colour + icon + words by class, the e-ID fields and photo when shown, countdown and "next". */
export function ResultScreen({ result, secondsLeft, language, onNext }: ResultScreenProps) {
  const { t } = useTranslation();
  const verdictClass: VerdictClass = result.kind === 'failed' ? 'retry' : verdictClassOf(result.response.verdict);
  const verdict = result.kind === 'failed' ? 'failed' : result.response.verdict;
  const doc = result.kind === 'verdict' && VERDICTS_WITH_DOCUMENT.includes(result.response.verdict) ? result.response.document : undefined;
  return (
    <section
      className={`checkpoint-result result-${verdictClass}`}
      data-testid="checkpoint-result"
      data-verdict={verdict}
      data-class={verdictClass}
      aria-label={t('eid.result.label')}
      role="alert"
    >
      <div className="result-head">
        <span className="result-icon" aria-hidden="true">{CLASS_ICON[verdictClass]}</span>
        <span className="result-class">{t(`eid.class.${verdictClass}`)}</span>
      </div>
      <VerdictWords result={result} language={language} />
      {doc && <DocumentFields doc={doc} language={language} />}
      <div className="result-foot">
        <p className="result-countdown" data-testid="result-countdown" aria-live="off">
          {t('eid.result.countdown', { seconds: secondsLeft })} · {t('eid.result.checkedVia', { source: t(`eid.result.source.${result.source}`) })}
        </p>
        <button type="button" className="result-next" data-testid="result-next" onClick={onNext} autoFocus>
          {t('eid.result.next')} <span className="result-next-hint">({t('eid.result.nextHint')})</span>
        </button>
      </div>
    </section>
  );
}
