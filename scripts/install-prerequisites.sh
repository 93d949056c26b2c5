#!/usr/bin/env bash
# Installs what Madoguchi needs beyond the JDK and Maven: Chromium and ChromeDriver for the browser tests,
# the IPA fonts that the PDF forms embed (IPAex for text, IPAmj明朝 for MJ characters in names), the fonts the
# guidance sheet embeds for the citizen's other languages (DejaVu Sans: English, Vietnamese, Portuguese; WenQuanYi
# Micro Hei: Simplified Chinese; Nanum Gothic: Korean), HAProxy, the
# load balancer the two-server tests put in front of two Madoguchi servers (not needed to run Madoguchi), and
# axe-core from the npm registry (pinned in acceptance-tests/accessibility/package-lock.json), which the acceptance
# tests load into the headless Chromium to check pages against WCAG 2.1 A/AA (never served to users).
# Idempotent: does nothing when everything is present.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
[ -x /usr/bin/chromedriver ] || needed+=(chromium-driver)
[ -f /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf ] || needed+=(fonts-ipaexfont-mincho fonts-ipaexfont-gothic)
[ -f /usr/share/fonts/truetype/ipamj/ipamjm.ttf ] || needed+=(fonts-ipamj-mincho)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needed+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || needed+=(fonts-wqy-microhei)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || needed+=(fonts-nanum)
[ -x /usr/sbin/haproxy ] || needed+=(haproxy)
command -v npm >/dev/null 2>&1 || needed+=(npm)

if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing: ${needed[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

if [ ! -f "$here/acceptance-tests/accessibility/node_modules/axe-core/axe.min.js" ]; then
  (cd "$here/acceptance-tests/accessibility" && npm ci --no-audit --no-fund --loglevel=error)
fi
