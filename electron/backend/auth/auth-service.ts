import type { ClaimResponse, PairResponse, Session } from '../../../contract/pairing';
import type { Scope } from '../../../contract/roles';
import { UnauthorizedError } from '../errors';
import { DEVICE_PAIRED } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import type { Database } from '../storage/database';
import { type PairingKind, pairingRepository } from './pairing-repository';
import { cryptoRandom, hashSecret, newPairingCode, newToken, normalisePairingCode, type RandomSource } from './secrets';
import { type TokenKind, tokenRepository } from './token-repository';

export const STARTUP_CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const MINTED_CODE_TTL_MS = 15 * 60 * 1000;
/** Live sessions kept in memory (every API request authenticates; the table is read once per token). */
const SESSION_CACHE_MAX = 1000;

/** Who a valid token is. */
export interface AuthSession extends Session {
  tokenId: number;
}

/** A freshly minted pairing code (the only moment its plain text exists). */
export type MintedCode = Omit<PairResponse, 'link'>;

export interface AuthServiceOptions {
  now?: () => Date;
  random?: RandomSource;
}

/** Role-scoped tokens and one-time pairing codes over the database. */
export class AuthService {
  private readonly now: () => Date;
  private readonly random: RandomSource;
  /** Token hash → session, for unrevoked tokens only; every revocation goes through this class and clears it. */
  private readonly sessions = new Map<string, AuthSession>();

  constructor(
    private readonly db: Database,
    private readonly events: EventLog,
    options: AuthServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? cryptoRandom;
  }

  /** Check an `Authorization: Bearer <token>` header; throws UnauthorizedError otherwise. */
  async authenticate(header: string | undefined): Promise<AuthSession> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) throw new UnauthorizedError('Send the token as "Authorization: Bearer <token>".', 'token_missing');
    const session = await this.verifyToken(match[1]);
    if (!session) throw new UnauthorizedError('This token is unknown or has been revoked.', 'token_invalid');
    return session;
  }

  /** The session of a token, or null if it is unknown or revoked. */
  async verifyToken(token: string): Promise<AuthSession | null> {
    const hash = hashSecret(token);
    const cached = this.sessions.get(hash);
    if (cached) return { ...cached };
    const record = await tokenRepository.findActive(this.db, hash);
    if (!record) return null;
    const session: AuthSession = { tokenId: record.id, role: record.role, label: record.label };
    if (record.deskNo !== undefined) session.deskNo = record.deskNo;
    if (this.sessions.size >= SESSION_CACHE_MAX) this.sessions.clear();
    this.sessions.set(hash, session);
    return { ...session };
  }

  /** Create a token for a scope; returns its plain text (shown once, never stored). */
  async issueToken(scope: Scope, label: string | null, kind: TokenKind = 'paired'): Promise<string> {
    const token = newToken(this.random);
    await tokenRepository.insert(this.db, { hash: hashSecret(token), scope, label, kind, createdAt: this.iso() });
    return token;
  }

  /** Register the shell's per-launch token (revoking the previous launch's one). */
  async registerSessionToken(token: string, scope: Scope, label = 'shell'): Promise<void> {
    if (token.length < 32) throw new Error('a session token needs at least 32 characters');
    const hash = hashSecret(token);
    await this.db.transaction(async (tx) => {
      if (await tokenRepository.findActive(tx, hash)) return;
      await tokenRepository.revokeKind(tx, 'session', this.iso());
      tx.onCommit(() => this.sessions.clear());
      await tokenRepository.insert(tx, { hash, scope, label, kind: 'session', createdAt: this.iso() });
    });
  }

  /** Mint a one-time pairing code for a scope. */
  async mintPairingCode(
    scope: Scope & { label?: string },
    kind: PairingKind = 'minted',
    ttlMs = kind === 'startup' ? STARTUP_CODE_TTL_MS : MINTED_CODE_TTL_MS,
  ): Promise<MintedCode> {
    const code = newPairingCode(this.random);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await this.db.transaction(async (tx) => {
      // Only the newest start-up link works: an old printed link is no way in.
      if (kind === 'startup') await pairingRepository.expireKind(tx, 'startup', now.toISOString());
      await pairingRepository.insert(tx, {
        hash: hashSecret(normalisePairingCode(code)),
        scope: { role: scope.role, deskNo: scope.deskNo },
        label: scope.label ?? null,
        kind,
        createdAt: now.toISOString(),
        expiresAt,
      });
    });
    const minted: MintedCode = { code, expiresAt, role: scope.role };
    if (scope.deskNo !== undefined) minted.deskNo = scope.deskNo;
    return minted;
  }

  /** The admin code printed at start-up (valid 24 h). */
  createStartupCode(): Promise<MintedCode> {
    return this.mintPairingCode({ role: 'admin', label: 'start-up link' }, 'startup');
  }

  /** Trade a pairing code for a token, once; an unknown, used or expired code is a 401. */
  async claim(code: string): Promise<ClaimResponse> {
    const hash = hashSecret(normalisePairingCode(code));
    const nowIso = this.iso();
    return this.db.transaction(async (tx) => {
      const pairing = await pairingRepository.findUsable(tx, hash, nowIso);
      if (!pairing) {
        throw new UnauthorizedError('This pairing code is unknown, already used or expired.', 'pairing_code_invalid');
      }
      const token = newToken(this.random);
      const scope: Scope = { role: pairing.role, deskNo: pairing.deskNo };
      const tokenId = await tokenRepository.insert(tx, {
        hash: hashSecret(token),
        scope,
        label: pairing.label,
        kind: 'paired',
        createdAt: nowIso,
      });
      await pairingRepository.markUsed(tx, pairing.id, nowIso, tokenId);
      await this.events.append(DEVICE_PAIRED, { tokenId, role: pairing.role, deskNo: pairing.deskNo ?? null, label: pairing.label }, tx);
      const response: ClaimResponse = { token, role: pairing.role };
      if (pairing.deskNo !== undefined) response.deskNo = pairing.deskNo;
      return response;
    });
  }

  /** Revoke a token by id. */
  async revokeToken(tokenId: number): Promise<boolean> {
    const revoked = await tokenRepository.revoke(this.db, tokenId, this.iso());
    this.sessions.clear(); // revocations are rare: forgetting every cached session is simplest and safe
    return revoked;
  }

  private iso(): string {
    return this.now().toISOString();
  }
}
