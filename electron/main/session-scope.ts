import { SessionSchema, type Session } from '../../contract/pairing';

// Which role the backend gave this launch's session token (`GET /api/session`). The backend
// resolves config from file + env + flags, so it, not the shell's command line, knows the role.

const TIMEOUT_MS = 5_000;

/** The role scope of `token` at the backend, or null if it cannot be read. */
export async function fetchSessionScope(origin: string, token: string): Promise<Session | null> {
  try {
    const response = await fetch(new URL('/api/session', origin), {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const parsed = SessionSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
