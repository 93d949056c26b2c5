// 「スキャナーから読み取る」: the terminal agent on this counter PC decodes the newest image its scanner saved
// (and deletes it); the code's text then goes into the form like a handheld scanner's would.
(function () {
  var form = document.getElementById('move-in-form');
  var button = document.getElementById('from-scanner');
  if (!form || !button) { return; }
  var message = document.getElementById('scanner-message');
  button.addEventListener('click', function () {
    message.textContent = 'スキャナーの画像を読み取っています…';
    button.disabled = true;
    fetch(form.dataset.agentUrl + '/v1/scanner/latest', { credentials: 'omit' })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(answer.message); }
        document.getElementById('code').value = answer.text;
        form.submit();
      })
      .catch(function (e) {
        button.disabled = false;
        message.textContent = (e && e.message && e.message.indexOf('fetch') < 0) ? e.message
          : 'この PC の端末エージェントに接続できません。端末エージェントが起動しているか確かめてください。';
      });
  });
})();
