#!/bin/sh
# Runs the given command inside a private D-Bus session with a fresh HOME and an unlocked gnome-keyring
# (a real Secret Service), so keychain tests use the real OS store without touching the user's own.
set -u
HOME="$(mktemp -d)"
export HOME
printf 'varta-test-keyring' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$HOME/keyring.log" 2>&1 &
keyring_pid=$!
tries=0
# Wait for the named condition: the Secret Service name is owned on the session bus.
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ] || ! kill -0 "$keyring_pid" 2>/dev/null; then
    echo "gnome-keyring-daemon did not come up on the session bus:" >&2
    cat "$HOME/keyring.log" >&2
    break
  fi
  sleep 0.1
done
"$@"
status=$?
kill "$keyring_pid" 2>/dev/null
rm -rf "$HOME"
exit "$status"
