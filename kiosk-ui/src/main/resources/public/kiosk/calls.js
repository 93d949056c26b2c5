// 呼出表示: follows the board over server-sent events, says each new call to screen readers and, once the sound
// is switched on (browsers play sound only after a touch), chimes.
(function () {
  'use strict';
  var body = document.getElementById('calls-body');
  var waiting = document.getElementById('waiting-body');
  var none = document.getElementById('no-calls');
  var said = document.getElementById('announcement');
  var connection = document.getElementById('connection');
  var chime = document.getElementById('chime');
  var audio = null;
  var known = {};
  Array.prototype.forEach.call(body.querySelectorAll('tr'), function (row) { known[row.dataset.id] = true; });

  chime.hidden = false;
  chime.addEventListener('click', function () {
    var on = chime.getAttribute('aria-pressed') !== 'true';
    chime.setAttribute('aria-pressed', String(on));
    chime.textContent = on ? '呼出音: 入' : '呼出音: 切';
    if (on && !audio && window.AudioContext) {
      audio = new AudioContext();
    }
  });

  function ring() {
    if (!audio || chime.getAttribute('aria-pressed') !== 'true') {
      return;
    }
    [0, 0.35].forEach(function (start, i) {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.frequency.value = i === 0 ? 880 : 660;
      gain.gain.setValueAtTime(0.2, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.3);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.3);
    });
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  function show(board) {
    // the server leaves empty lists out
    var counters = board.counters || [];
    var departments = board.waiting || [];
    var fresh = [];
    var seen = {};
    body.textContent = '';
    counters.forEach(function (c) {
      var row = document.createElement('tr');
      row.dataset.id = c.id;
      if (c.waiting) {
        row.className = 'called';
      }
      cell(row, String(c.number), 'number');
      cell(row, c.counter, 'counter');
      cell(row, c.time, 'time');
      body.appendChild(row);
      seen[c.id] = true;
      if (!known[c.id]) {
        fresh.push(c);
      }
    });
    known = seen;
    none.classList.toggle('hidden', counters.length > 0);
    waiting.textContent = '';
    departments.forEach(function (w) {
      var row = document.createElement('tr');
      cell(row, w.department);
      cell(row, w.visits + '人');
      waiting.appendChild(row);
    });
    if (fresh.length > 0) {
      said.textContent = fresh.map(function (c) {
        return c.number + '番の方、' + c.counter + 'へお越しください。';
      }).join(' ');
      ring();
    }
  }

  var shown = null;
  var events = new EventSource('/kiosk/calls/events');
  events.addEventListener('board', function (e) {
    connection.textContent = '最新の呼出を表示しています。';
    if (e.data !== shown) {
      // the heartbeat repeats the board: redraw only what changed
      shown = e.data;
      show(JSON.parse(e.data));
    }
  });
  events.onerror = function () {
    // EventSource connects again by itself; say so instead of showing old numbers as current
    connection.textContent = '接続を再試行しています。表示が古い場合があります。';
  };
}());
