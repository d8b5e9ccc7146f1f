// Wraps a command so it runs in a private D-Bus session with gnome-keyring (see with-keyring.sh).
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'with-keyring.sh');

/** Returns the argv that runs `command` under dbus-run-session with an unlocked Secret Service. */
export function withKeyring(command) {
  return ['dbus-run-session', '--', 'sh', SCRIPT, ...command];
}
