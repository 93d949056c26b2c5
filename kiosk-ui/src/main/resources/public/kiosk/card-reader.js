// Reads the citizen's IC card through the terminal agent on this PC (see TerminalAgent): a My Number Card or a
// driving licence with its 4-digit PIN, or a 在留カード with the number printed on it. The PIN and the number go to
// the agent over loopback and nowhere else; what the server receives is the reading the agent sealed for the
// server's challenge, which this page cannot read or change.
(function () {
  var form = document.getElementById('card-form');
  if (!form) { return; }
  var agent = form.dataset.agentUrl;
  var pinInput = document.getElementById('pin');
  var error = document.getElementById('error');
  var progress = document.getElementById('progress');
  var buttons = [document.getElementById('read-card'), document.getElementById('read-residence-card')];
  var residenceForm = document.getElementById('residence-card-form');
  var residenceNumber = document.getElementById('residence-card-number');
  // the page's language gives the messages this script shows (data-msg-* on the form)
  var NO_AGENT = form.dataset.msgNoAgent;

  // the agent says why a reading failed (reason, tries left); a page in another language words it itself
  function said(result) {
    var key = 'msgReason' + String(result.reason || '').toLowerCase().replace(/(^|_)([a-z])/g, function (m, s, c) {
      return c.toUpperCase();
    });
    var own = form.dataset[key];
    return own ? own.replace('{0}', String(result.triesLeft)) : (result.message || NO_AGENT);
  }

  function show(message, input) {
    progress.hidden = true;
    buttons.forEach(function (b) { if (b) { b.disabled = false; } });
    error.textContent = message;
    error.hidden = false;
    input.value = input === pinInput ? '' : input.value;
    input.focus();
  }

  function json(response) {
    return response.json().catch(function () { return { ok: false, message: NO_AGENT }; });
  }

  function post(url, fields) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      credentials: 'omit'
    });
  }

  // status (which terminal the agent belongs to) → the server's challenge → the agent reads and seals → submit
  function read(agentPath, fields, input) {
    error.hidden = true;
    progress.hidden = false;
    buttons.forEach(function (b) { if (b) { b.disabled = true; } });
    var procedure = form.elements['procedure'].value;
    var terminal;
    fetch(agent + '/v1/status', { credentials: 'omit' })
      .then(json, function () { throw new Error(NO_AGENT); })
      .then(function (status) {
        if (!status.terminal) { throw new Error(status.message || NO_AGENT); }
        terminal = status.terminal;
        return fetch('/kiosk/identify/challenge', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            // the page's CSRF token (see CsrfFilter): the challenge is a state change like any form
            'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]').content
          },
          body: new URLSearchParams({ procedure: procedure, terminal: terminal }).toString()
        }).then(json);
      })
      .then(function (challenge) {
        if (!challenge.ok) { throw new Error(challenge.message); }
        fields.challenge = challenge.challenge;
        return post(agent + agentPath, fields).then(json, function () { throw new Error(NO_AGENT); });
      })
      .then(function (result) {
        if (!result.ok) { throw new Error(said(result)); }
        pinInput.value = '';
        document.getElementById('terminal').value = terminal;
        document.getElementById('reading').value = result.reading;
        form.submit();
      })
      .catch(function (e) { show(e.message || NO_AGENT, input); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var pin = pinInput.value;
    if (!/^[0-9]{4}$/.test(pin)) { show(form.dataset.msgPinFormat, pinInput); return; }
    read('/v1/card/read', { pin: pin }, pinInput);
  });

  if (residenceForm) {
    residenceForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var number = residenceNumber.value.trim().toUpperCase();
      if (!/^[A-Z]{2}[0-9]{8}[A-Z]{2}$/.test(number)) {
        show(form.dataset.msgResidenceFormat, residenceNumber);
        return;
      }
      read('/v1/residence-card/read', { number: number }, residenceNumber);
    });
  }
})();
