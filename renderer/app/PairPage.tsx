import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ClaimRequestSchema, type ClaimResponse } from '../../contract/pairing';
import { errorMessageKey, type ErrorMessageKey } from '../api/error-message';
import { ApiError } from '../api/errors';
import { useSession } from '../stores/session';
import { getApiClient } from './backend';
import { rolePath } from './role-paths';

type Phase = { kind: 'claiming' } | { kind: 'noCode' } | { kind: 'invalidCode' } | { kind: 'failed'; key: ErrorMessageKey; detail: string };

// A code works once, and StrictMode runs effects twice: both runs must share one request.
const inFlight = new Map<string, Promise<ClaimResponse>>();

function claimOnce(code: string): Promise<ClaimResponse> {
  let pending = inFlight.get(code);
  if (!pending) {
    pending = getApiClient().claimPairing(code);
    inFlight.set(code, pending);
    pending.then(
      () => undefined,
      () => inFlight.delete(code), // allow "try again" after a failure
    );
  }
  return pending;
}

/** The hub answers these when the code is unknown, used or expired. */
function isRefusedCode(error: unknown): boolean {
  return error instanceof ApiError && [400, 401, 403, 404, 410].includes(error.status);
}

/** What can be said about a code before asking the hub: missing, malformed, or worth claiming. */
function localVerdict(code: string): Phase | null {
  if (!code) return { kind: 'noCode' };
  // A malformed code is refused here, without asking the hub.
  if (!ClaimRequestSchema.safeParse({ code }).success) return { kind: 'invalidCode' };
  return null;
}

/** Claim `code` once per attempt; on success store the token and go to the role's page. */
function usePairingClaim(code: string): { phase: Phase; retry(): void } {
  const navigate = useNavigate();
  const setPaired = useSession((s) => s.setPaired);
  const [attempt, setAttempt] = useState(0);
  // The failure of one request, tagged so a retry (or another code) starts again from "claiming".
  const [failure, setFailure] = useState<{ request: string; phase: Phase } | null>(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const local = localVerdict(code);
  const claimable = local === null;
  const request = `${code}#${attempt}`;

  useEffect(() => {
    if (!claimable) return;
    let active = true;
    claimOnce(code).then(
      (claim) => {
        if (!active) return;
        setPaired(claim);
        void navigate(rolePath(claim.role, claim.deskNo) ?? '/', { replace: true });
      },
      (error: unknown) => {
        if (!active) return;
        const detail = error instanceof Error ? error.message : String(error);
        const phase: Phase = isRefusedCode(error) ? { kind: 'invalidCode' } : { kind: 'failed', key: errorMessageKey(error), detail };
        setFailure({ request, phase });
      },
    );
    return () => {
      active = false;
    };
  }, [claimable, code, request, navigate, setPaired]);

  const phase = local ?? (failure?.request === request ? failure.phase : { kind: 'claiming' as const });
  return { phase, retry };
}

/** `/pair?code=…`: trade the code for a token, store it, go to the role's page. */
export function PairPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { phase, retry } = usePairingClaim(params.get('code')?.trim() ?? '');

  return (
    <section className="notice-page" aria-labelledby="pair-title" data-testid="pair-page" data-phase={phase.kind}>
      <h1 id="pair-title">{t('pair.title')}</h1>
      {phase.kind === 'claiming' && <p role="status">{t('pair.claiming')}</p>}
      {phase.kind === 'noCode' && <p role="alert">{t('pair.noCode')}</p>}
      {phase.kind === 'invalidCode' && (
        <p role="alert" data-testid="pair-error">
          {t('pair.invalidCode')}
        </p>
      )}
      {phase.kind === 'failed' && (
        <div role="alert" data-testid="pair-error">
          <p>
            {t('pair.failed')} {t(phase.key)}
          </p>
          <p className="error-detail">{t('errors.detail', { detail: phase.detail })}</p>
          <button type="button" className="button button-primary" onClick={retry}>
            {t('pair.retry')}
          </button>
        </div>
      )}
      {phase.kind !== 'claiming' && (
        <Link className="button" to="/">
          {t('pair.goHome')}
        </Link>
      )}
    </section>
  );
}
