/** What a desk key does. */
export type DeskAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer' | 'break';

/** Physical key (KeyboardEvent.code, so a Ukrainian layout works the same) → action. */
export const DESK_SHORTCUTS: Readonly<Record<string, DeskAction>> = {
  F1: 'callNext', Space: 'callNext', KeyR: 'recall', KeyS: 'start', KeyF: 'finish', KeyN: 'noShow', KeyT: 'transfer', KeyB: 'break',
};

/** The label shown on each button (the Latin key, as printed on keyboards). */
export const SHORTCUT_LABELS: Readonly<Record<DeskAction, string>> = {
  callNext: 'F1', recall: 'R', start: 'S', finish: 'F', noShow: 'N', transfer: 'T', break: 'B',
};

export interface ShortcutKeyEvent {
  code: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  target?: EventTarget | null;
}

function isTyping(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || element.isContentEditable) return true;
  if (tag !== 'input') return false;
  const type = (element as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
}

/** The action a key press asks for; null while typing, with modifiers, on auto-repeat, or for other keys. */
export function deskShortcut(event: ShortcutKeyEvent): DeskAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return null;
  if (isTyping(event.target)) return null;
  return DESK_SHORTCUTS[event.code] ?? null;
}
