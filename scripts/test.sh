#!/usr/bin/env bash
# ./xuncha test: install the system packages the tests need when they are missing, then run the whole suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Real servers the integration tests start themselves: GStreamer RTSP server (python3-gi), PostgreSQL, Mosquitto,
# Chromium (with a CJK font so the E2E screenshots show the Chinese UI).
PKGS=(openjdk-17-jdk-headless maven
      python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-tools gstreamer1.0-plugins-base
      gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
      postgresql mosquitto mosquitto-clients chromium chromium-driver fonts-wqy-zenhei procps)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "xuncha test: installing missing packages: ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "xuncha test: need root to install packages (run as root or install: ${missing[*]})" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

exec mvn -B -f "$ROOT/pom.xml" verify "$@"
