// Signature pad: pointer events (finger, pen or mouse), strokes smoothed with quadratic curves through the midpoints,
// 一画戻す removes the last stroke, 書き直す clears; the drawing is sent as a PNG.
(function () {
  var canvas = document.getElementById('pad');
  var context = canvas.getContext('2d');
  var strokes = [];
  var current = null;
  var done = document.getElementById('done');

  function point(e) {
    var r = canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height,
             p: e.pressure || 0.5 };
  }
  function draw() {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#111';
    context.lineCap = 'round';
    context.lineJoin = 'round';
    strokes.forEach(function (s) {
      if (s.length === 1) {
        context.beginPath(); context.arc(s[0].x, s[0].y, 2, 0, 2 * Math.PI); context.fillStyle = '#111'; context.fill();
        return;
      }
      context.beginPath();
      context.moveTo(s[0].x, s[0].y);
      for (var i = 1; i < s.length - 1; i++) {
        var mx = (s[i].x + s[i + 1].x) / 2, my = (s[i].y + s[i + 1].y) / 2;
        context.lineWidth = 2 + 3 * s[i].p;
        context.quadraticCurveTo(s[i].x, s[i].y, mx, my);
      }
      context.lineTo(s[s.length - 1].x, s[s.length - 1].y);
      context.stroke();
    });
    done.disabled = strokes.length === 0;
  }
  canvas.addEventListener('pointerdown', function (e) {
    canvas.setPointerCapture(e.pointerId);
    current = [point(e)];
    strokes.push(current);
    draw();
  });
  canvas.addEventListener('pointermove', function (e) {
    if (current) { current.push(point(e)); draw(); }
  });
  ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (type) {
    canvas.addEventListener(type, function () { current = null; });
  });
  document.getElementById('undo').addEventListener('click', function () { strokes.pop(); draw(); });
  document.getElementById('clear').addEventListener('click', function () { strokes = []; draw(); });
  document.getElementById('signature-form').addEventListener('submit', function () {
    document.getElementById('png').value = canvas.toDataURL('image/png');
  });
  canvas.style.touchAction = 'none';
  draw();
})();
