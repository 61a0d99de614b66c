#!/usr/bin/env bash
# Installs the Debian packages FloorApp and its tests need (zbar for pyzbar, the xcb/EGL libraries Qt loads,
# PulseAudio client for Qt Multimedia, Xvfb for a virtual screen). As root it installs what is missing;
# otherwise it prints the command a user with rights must run.
set -euo pipefail
PKGS=(libzbar0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0
      libxcb-xinerama0 libxcb-xkb1 libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libglib2.0-0
      libfontconfig1 libdbus-1-3 libpulse0 fonts-dejavu-core xvfb xauth)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "FloorApp needs these system packages; please run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
