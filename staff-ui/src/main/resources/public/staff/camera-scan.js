// 「カメラで読む」: frames of the counter's camera go to the server (about two a second) until one holds a slip's QR
// or a pre-entry code; the server decodes them with the same ZXing reader as scanned images, so no decoding
// library runs in the browser. The camera stops as soon as a code is read, or after a minute.
(function () {
  var button = document.getElementById('camera-scan');
  var video = document.getElementById('camera');
  var message = document.getElementById('camera-message');
  if (!button || !video || !navigator.mediaDevices) { return; }
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var stream = null;
  var timer = null;
  var busy = false;
  var started = 0;

  function stop(text) {
    if (timer) { clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    video.hidden = true;
    button.disabled = false;
    button.textContent = 'カメラで読む（受付票・事前入力のQR）';
    if (text !== undefined) { message.textContent = text; }
  }

  function send() {
    if (busy || !video.videoWidth) { return; }
    if (Date.now() - started > 60000) {
      stop('QRコードが見つかりませんでした。受付番号を入力するか、もう一度「カメラで読む」を押してください。');
      return;
    }
    busy = true;
    var canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    canvas.toBlob(function (png) {
      fetch('/staff/scan', { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-CSRF-Token': token }, body: png })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          busy = false;
          if (answer.location) {
            stop('読み取りました。受付を開いています…');
            window.location.href = answer.location;
          } else if (answer.message) {
            stop(answer.message);
          }
        })
        .catch(function () { busy = false; });
    }, 'image/png');
  }

  button.addEventListener('click', function () {
    if (stream) { stop(''); return; }
    message.textContent = 'カメラを起動しています…';
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        return video.play();
      })
      .then(function () {
        started = Date.now();
        button.textContent = 'カメラを止める';
        message.textContent = 'QRコードをカメラに向けてください…';
        timer = setInterval(send, 500);
      })
      .catch(function () {
        stop('カメラを使えません。ブラウザのカメラの許可と、カメラの接続を確かめてください。');
      });
  });
})();
