export { AuthService, MINTED_CODE_TTL_MS, STARTUP_CODE_TTL_MS, type AuthSession, type MintedCode } from './auth-service';
export { requireRole, requireSession, sessionOf, type PreHandler } from './require-role';
export { hashSecret, newPairingCode, newToken, normalisePairingCode, type RandomSource } from './secrets';
