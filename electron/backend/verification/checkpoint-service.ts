import { randomUUID } from 'node:crypto';
import type { Config } from '../../../contract/config';
import {
  VERDICTS_WITH_DOCUMENT,
  type CheckpointVerifyResponse,
  type NotAnEidReason,
  type ParsedCode,
  type ScanSource,
  type UsedBefore,
  type Verdict,
} from '../../../contract/eid';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logging/logger';
import type { EidPortalClient } from '../portal/eid-client';
import type { Database } from '../storage/database';
import { makeAuditEntry } from './core/audit-chain';
import { isSkewWarning, measureClockSkew } from './core/clock-skew';
import { createCodeHasher } from './core/code-hmac';
import { decideVerdict, type Decision } from './core/map-verdict';
import { canonicalCode, parseEidCode, toPortalVerifyRequest } from './core/parse-code';
import { describePolicyDecision } from './core/policy';
import { createReplayGuard, isConsumingVerdict, type ReplayGuard } from './core/replay-guard';
import { AuditStore } from './audit-store';
import { retentionCutoff } from './audit-purge';

/*
 * The checkpoint's verification pipeline (see core/README.md): parse -> local typo/not_an_eid
 * (never sent) -> replay guard (already_used here: when and where) -> portal -> verdict with
 * the building policy -> clock skew -> one audit row + a `checkpoint.verified` event in one
 * transaction. It never throws for a bad code or a bad portal: the verdict is the answer.
 */

export const CHECKPOINT_VERIFIED = 'checkpoint.verified';
const PURGE_INTERVAL_MS = 24 * 3_600_000;

/** Timings of one check, for the benchmark (ms, monotonic). */
export interface CheckTimings {
  totalMs: number;
  portalMs: number;
}

export interface CheckpointServiceDeps {
  config: Config;
  db: Database;
  events: EventLog;
  portal: EidPortalClient;
  hmacKey: Buffer;
  now: () => Date;
  logger: Logger;
}

/** What one check found before it is written down. */
interface Found {
  verdict: Verdict;
  checkedAt: string;
  codeHmac: string | null;
  decision?: Decision;
  usedBefore?: UsedBefore;
  clockSkewMs?: number;
  notAnEidReason?: NotAnEidReason;
}

/** The checkpoint: verifies codes, keeps the audit log, purges it after retention. */
export class CheckpointService {
  readonly audit: AuditStore;
  private readonly hashCode: (canonical: string) => string;
  private readonly guard: ReplayGuard;
  private purgeTimer: NodeJS.Timeout | null = null;
  /** Set by the benchmark to receive each check's timings. */
  onTimings: ((timings: CheckTimings) => void) | null = null;

  constructor(private readonly deps: CheckpointServiceDeps) {
    this.audit = new AuditStore(deps.db);
    this.hashCode = createCodeHasher(deps.hmacKey);
    this.guard = createReplayGuard({ hashCode: this.hashCode });
  }

  /** This checkpoint's label (the "where" of already_used). */
  get name(): string {
    return this.deps.config.checkpoint.name;
  }

  /** Days audit rows are kept: `checkpoint.auditRetentionDays`, else the policy's (default 30). */
  get retentionDays(): number {
    return this.deps.config.checkpoint.auditRetentionDays ?? this.deps.config.checkpoint.policy.auditRetentionDays;
  }

  /** How many spent codes the replay guard remembers (bounded: 10,000, 15 min). */
  replayMemorySize(): number {
    return this.guard.size();
  }

  /** Verifies one scanned or typed input; never throws for bad input or a bad portal. */
  async verify(input: string, source: ScanSource): Promise<CheckpointVerifyResponse> {
    const started = performance.now();
    const checkId = randomUUID();
    const { allowedHosts, documentTypes } = this.deps.config.checkpoint;
    const parsed = parseEidCode(input, { allowedHosts, documentTypes });
    let found: Found;
    let portalMs = 0;
    if (parsed.kind === 'not_an_eid') {
      found = { verdict: 'not_an_eid', checkedAt: this.nowIso(), codeHmac: null, notAnEidReason: parsed.reason };
    } else if (parsed.kind === 'typo') {
      found = { verdict: 'typo', checkedAt: this.nowIso(), codeHmac: null };
    } else {
      const result = await this.checkWithPortal(parsed);
      found = result.found;
      portalMs = result.portalMs;
    }
    const response = await this.record(checkId, found);
    this.deps.logger.info({ checkId, verdict: found.verdict, source }, 'checkpoint check');
    this.onTimings?.({ totalMs: performance.now() - started, portalMs });
    return response;
  }

  private async checkWithPortal(code: ParsedCode): Promise<{ found: Found; portalMs: number }> {
    const canonical = canonicalCode(code);
    const codeHmac = this.hashCode(canonical);
    const nowMs = this.deps.now().getTime();
    const before = this.guard.lookup(canonical, nowMs);
    if (before !== null) {
      const usedBefore = { at: new Date(before.atMs).toISOString(), checkpoint: before.checkpoint };
      return { found: { verdict: 'already_used', checkedAt: new Date(nowMs).toISOString(), codeHmac, usedBefore }, portalMs: 0 };
    }
    const res = await this.deps.portal.verify(toPortalVerifyRequest(code));
    const decision = decideVerdict(res.outcome, this.deps.config.checkpoint.policy);
    const skew = measureClockSkew({ dateHeader: res.dateHeader, sentAtMs: res.sentAtMs, receivedAtMs: res.receivedAtMs });
    if (isSkewWarning(skew)) this.deps.logger.warn({ clockSkewMs: skew }, 'this machine\'s clock differs from the portal\'s by over 60 s');
    if (isConsumingVerdict(decision.verdict)) this.guard.remember(canonical, { atMs: res.receivedAtMs, checkpoint: this.name }, res.receivedAtMs);
    const found: Found = {
      verdict: decision.verdict,
      checkedAt: decision.checkedAt ?? new Date(res.receivedAtMs).toISOString(),
      codeHmac,
      decision,
      ...(skew === null ? {} : { clockSkewMs: skew }),
    };
    return { found, portalMs: res.portalMs };
  }

  /** Writes the audit row and the event in one transaction and builds the answer. */
  private async record(checkId: string, found: Found): Promise<CheckpointVerifyResponse> {
    const at = this.nowIso();
    const document = found.decision?.document ?? null;
    const entry = makeAuditEntry({
      at,
      checkpoint: this.name,
      verdict: found.verdict,
      codeHmac: found.codeHmac,
      document,
      keepFullName: this.deps.config.checkpoint.policy.keepFullName,
    });
    await this.deps.db.transaction(async (tx) => {
      await this.audit.append(tx, entry);
      await this.deps.events.append(CHECKPOINT_VERIFIED, { checkId, verdict: found.verdict, at, checkpoint: this.name }, tx);
    });
    const withDocument = VERDICTS_WITH_DOCUMENT.includes(found.verdict) && document !== null;
    const policy = found.decision?.policy ?? null;
    return {
      checkId,
      verdict: found.verdict,
      checkedAt: found.checkedAt,
      ...(withDocument ? { document } : {}),
      ...(found.usedBefore ? { usedBefore: found.usedBefore } : {}),
      ...(found.clockSkewMs === undefined ? {} : { clockSkewMs: found.clockSkewMs }),
      ...(policy !== null && found.verdict === 'denied_by_policy' ? { policyReason: describePolicyDecision(policy) } : {}),
      ...(found.notAnEidReason ? { notAnEidReason: found.notAnEidReason } : {}),
    };
  }

  /** Purges rows past retention now; returns how many went. */
  async purgeExpired(): Promise<number> {
    const count = await this.audit.purge(retentionCutoff(this.deps.now().getTime(), this.retentionDays));
    if (count > 0) this.deps.logger.info({ purged: count, retentionDays: this.retentionDays }, 'checkpoint audit rows purged');
    return count;
  }

  /** Purges once now and then daily. */
  async start(): Promise<void> {
    await this.purgeExpired();
    this.purgeTimer = setInterval(() => {
      this.purgeExpired().catch((error: unknown) => this.deps.logger.error({ err: error }, 'checkpoint audit purge failed'));
    }, PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  /** Stops the purge timer. */
  stop(): void {
    if (this.purgeTimer !== null) clearInterval(this.purgeTimer);
    this.purgeTimer = null;
  }

  private nowIso(): string {
    return this.deps.now().toISOString();
  }
}
