import type { Role } from '../../contract/roles';

/** The page a token of `role` belongs on; null when a desk token lacks its desk number. */
export function rolePath(role: Role, deskNo: number | null | undefined): string | null {
  if (role === 'desk') return deskNo != null && deskNo >= 1 ? `/desk/${deskNo}` : null;
  return `/${role}`;
}

/** Parse the `:no` of `/desk/:no`: a whole number 1..999, or null. */
export function parseDeskNo(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,3}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 && value <= 999 ? value : null;
}
