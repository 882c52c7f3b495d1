#!/usr/bin/env bash
# Installs the system packages the tests need (scripts/system-packages.txt) with apt-get,
# as root directly or through sudo otherwise. Does nothing when every binary is there.
# Part of the README's test command: bash scripts/install-system-packages.sh && npm ci && npm test
set -euo pipefail
case "$0" in */*) cd "${0%/*}" ;; esac # the list lies beside this script

missing=()
while read -r package binary; do
  case "$package" in ''|'#'*) continue ;; esac
  [ -x "$binary" ] || missing+=("$package")
done < system-packages.txt
[ ${#missing[@]} -eq 0 ] && exit 0

fail() { echo "Systempakete fehlen: ${missing[*]}. $1" >&2; exit 1; }
command -v apt-get >/dev/null 2>&1 ||
  fail "Kein apt-get (kein Debian/Ubuntu): bitte die Pakete mit der Paketverwaltung des Systems installieren."
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  fail "Bitte als root ausführen: apt-get install -y ${missing[*]}"
fi

echo "Installiere Systempakete: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The tests start nginx and Apache themselves: keep the packages from starting system services.
policy=/usr/sbin/policy-rc.d
policy_added=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod +x "$policy"
  policy_added=1
fi
status=0
{ "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update &&
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } || status=$?
[ -n "$policy_added" ] && "${as_root[@]}" rm -f "$policy"
[ $status -eq 0 ] || fail "apt-get ist gescheitert (Status $status)."
