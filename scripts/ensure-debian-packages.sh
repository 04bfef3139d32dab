#!/usr/bin/env bash
# Usage: ensure-debian-packages.sh COMMAND=PACKAGE ...
# Installs the Debian packages whose command is missing, when this user can
# (root with apt-get); otherwise stops at once with one line naming what is
# missing and the command that installs it.
set -euo pipefail
missing=()
for pair in "$@"; do
  command="${pair%%=*}"
  package="${pair#*=}"
  command -v "$command" >/dev/null 2>&1 || [ -x "$command" ] || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "missing: ${missing[*]} (the tests drive them for real); install with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
