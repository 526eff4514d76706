#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked GNOME Keyring (Secret Service),
# in a throw-away XDG folder: the tests use a real keychain without touching the user's.
# Usage: scripts/with-keyring.sh COMMAND [ARGS...]   (the command's exit code passes through)
set -euo pipefail

if [ "${OPOS_KEYRING_INNER:-}" != "1" ]; then
  tmp=$(mktemp -d -t opos-keyring.XXXXXX)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
  chmod 700 "$tmp/runtime"
  set +e
  env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    XDG_RUNTIME_DIR="$tmp/runtime" OPOS_KEYRING_INNER=1 OPOS_TEST_KEYRING=1 \
    dbus-run-session -- "$0" "$@" 2> >(grep -v "Failed to set fd limit" >&2)
  status=$?
  set -e
  exit $status
fi

# inside the private bus: start and unlock the keyring daemon
echo -n "opos-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.05
done
exec "$@"
