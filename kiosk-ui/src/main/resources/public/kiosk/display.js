// The kiosk screen for everyone: three text sizes and a high-contrast theme (kept in this tab's session until the
// screen starts over), and an idle reset: after a while without a touch the page warns, offers to go on, and then
// goes back to the first screen so the next person sees nothing of the last (privacy). The idle time is the city's
// setting (madoguchi.kiosk.idle-seconds, 60 by default); the warning comes 15 seconds before the end.
(function () {
  var root = document.documentElement;
  var header = document.querySelector('header[data-idle-seconds]');

  function apply() {
    var size = sessionStorage.getItem('kiosk.textSize') || 'normal';
    var contrast = sessionStorage.getItem('kiosk.contrast') === 'high';
    root.dataset.textSize = size;
    root.dataset.contrast = contrast ? 'high' : 'normal';
    document.querySelectorAll('[data-text-size]').forEach(function (b) {
      if (b !== root) { b.setAttribute('aria-pressed', String(b.dataset.textSize === size)); }
    });
    var toggle = document.getElementById('high-contrast');
    if (toggle) { toggle.setAttribute('aria-pressed', String(contrast)); }
  }

  document.querySelectorAll('button[data-text-size]').forEach(function (b) {
    b.addEventListener('click', function () { sessionStorage.setItem('kiosk.textSize', b.dataset.textSize); apply(); });
  });
  var toggle = document.getElementById('high-contrast');
  if (toggle) {
    toggle.addEventListener('click', function () {
      sessionStorage.setItem('kiosk.contrast', sessionStorage.getItem('kiosk.contrast') === 'high' ? 'normal' : 'high');
      apply();
    });
  }
  apply();

  // 職員を呼ぶ: one press; the reception lists show this kiosk until a member of staff answers
  var help = document.getElementById('call-staff');
  var helpStatus = document.getElementById('call-staff-status');
  if (help && helpStatus && document.querySelector('meta[name="csrf-token"]')) {
    help.addEventListener('click', function () {
      fetch('/kiosk/help', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                   'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]').content },
        body: ''
      }).then(function (r) { return r.json(); })
        .then(function (answer) { helpStatus.textContent = answer.message; })
        .catch(function () { helpStatus.textContent = help.dataset.failed; });
    });
  }

  // the call display and the counter tablet stay as they are: nobody walks away from them mid-way
  var idle = header ? Number(header.dataset.idleSeconds) : 0;
  if (!idle || document.body.classList.contains('call-display') || document.body.classList.contains('tablet')
      || location.pathname.indexOf('/kiosk/pre-entry') === 0 || location.pathname === '/kiosk/accessibility') { return; }
  var home = location.pathname === '/kiosk' || location.pathname === '/kiosk/';
  var START_OVER = '/kiosk/language/start-over';
  var warning = document.getElementById('idle-warning');
  var left = document.getElementById('idle-left');
  var warnAt = Math.max(idle - 15, Math.floor(idle / 2));
  var last = Date.now();

  function touched() {
    last = Date.now();
    if (!warning.hidden) { warning.hidden = true; }
  }

  ['pointerdown', 'keydown', 'touchstart', 'input'].forEach(function (e) {
    document.addEventListener(e, touched, { capture: true, passive: true });
  });
  document.getElementById('idle-continue').addEventListener('click', touched);

  setInterval(function () {
    var quiet = (Date.now() - last) / 1000;
    if (home) {
      // nothing entered on the first screen: only the last person's text size and contrast go
      if (quiet >= idle && sessionStorage.length) { sessionStorage.clear(); apply(); }
      // and the last person's language: the next one finds the kiosk in Japanese
      if (quiet >= idle && root.dataset.language && root.dataset.language !== 'ja') { location.replace(START_OVER); }
      return;
    }
    if (quiet >= idle) {
      sessionStorage.clear();
      location.replace(START_OVER);
    } else if (quiet >= warnAt) {
      left.textContent = String(Math.ceil(idle - quiet));
      if (warning.hidden) {
        warning.hidden = false;
        document.getElementById('idle-continue').focus();
      }
    }
  }, 500);
})();
