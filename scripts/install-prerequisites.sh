#!/usr/bin/env bash
# Installs what Madoguchi needs beyond the JDK and Maven: Chromium and ChromeDriver for the browser tests,
# the IPA fonts that the PDF forms embed (IPAex for text, IPAmj明朝 for MJ characters in names), and HAProxy, the
# load balancer the two-server tests put in front of two Madoguchi servers (not needed to run Madoguchi).
# Idempotent: does nothing when everything is present.
set -euo pipefail

needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
[ -x /usr/bin/chromedriver ] || needed+=(chromium-driver)
[ -f /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf ] || needed+=(fonts-ipaexfont-mincho fonts-ipaexfont-gothic)
[ -f /usr/share/fonts/truetype/ipamj/ipamjm.ttf ] || needed+=(fonts-ipamj-mincho)
[ -x /usr/sbin/haproxy ] || needed+=(haproxy)

if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${needed[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
