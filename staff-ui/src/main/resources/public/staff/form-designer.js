// Form designer: draws the elements of the definition on a scaled page, lets them be dragged (the line's x and y in
// millimetres change in the text), adds dictionary fields from the palette, and refreshes the PDF preview.
(function () {
  var text = document.getElementById('text');
  var page = document.getElementById('page');
  var SCALE = 2; // pixels per millimetre
  var ELEMENT = /^(見出し|ラベル|文字|升目|チェック|元号|表|枠|署名欄|QR)[:：]\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(.*)$/;
  var FONT = /\s+(MJ明朝|明朝|ゴシック)\s*$/;
  var TAKES_FONT = /^(見出し|ラベル|文字|升目|表)$/;
  var typeface = document.getElementById('typeface');
  var selectedLine = null;
  var timer = null;

  function paper() {
    var m = /^用紙[:：]\s*(A4|A3)\s*(縦|横)?/m.exec(text.value) || [null, 'A4', '縦'];
    var w = m[1] === 'A3' ? 297 : 210, h = m[1] === 'A3' ? 420 : 297;
    return m[2] === '横' ? { w: h, h: w } : { w: w, h: h };
  }

  function render() {
    var size = paper();
    page.style.width = size.w * SCALE + 'px';
    page.style.height = size.h * SCALE + 'px';
    page.innerHTML = '';
    text.value.split('\n').forEach(function (line, index) {
      var m = ELEMENT.exec(line.trim());
      if (!m) { return; }
      var box = document.createElement('div');
      box.className = 'element';
      box.dataset.line = index;
      box.title = line.trim();
      box.textContent = m[1] + ' ' + m[6].trim();
      box.style.left = parseFloat(m[2]) * SCALE + 'px';
      box.style.top = parseFloat(m[3]) * SCALE + 'px';
      box.style.width = parseFloat(m[4]) * SCALE + 'px';
      box.style.height = parseFloat(m[5]) * SCALE + 'px';
      if (index === selectedLine) { box.classList.add('selected'); }
      drag(box);
      page.appendChild(box);
    });
  }

  function drag(box) {
    var start = null;
    box.addEventListener('pointerdown', function (e) {
      select(box);
      box.setPointerCapture(e.pointerId);
      start = { x: e.clientX, y: e.clientY, left: parseFloat(box.style.left), top: parseFloat(box.style.top) };
      e.preventDefault();
    });
    box.addEventListener('pointermove', function (e) {
      if (!start) { return; }
      box.style.left = Math.max(0, start.left + e.clientX - start.x) + 'px';
      box.style.top = Math.max(0, start.top + e.clientY - start.y) + 'px';
    });
    box.addEventListener('pointerup', function () {
      if (!start) { return; }
      start = null;
      move(parseInt(box.dataset.line, 10), parseFloat(box.style.left) / SCALE, parseFloat(box.style.top) / SCALE);
    });
  }

  // the element last touched: the 書体 list shows and changes its typeface
  function select(box) {
    page.querySelectorAll('.element.selected').forEach(function (b) { b.classList.remove('selected'); });
    box.classList.add('selected');
    selectedLine = parseInt(box.dataset.line, 10);
    var m = ELEMENT.exec(text.value.split('\n')[selectedLine].trim());
    var font = FONT.exec(m[6]);
    typeface.value = font ? font[1] : '既定';
    typeface.disabled = !TAKES_FONT.test(m[1]);
  }

  typeface.addEventListener('change', function () {
    if (selectedLine === null) { return; }
    var lines = text.value.split('\n');
    var m = ELEMENT.exec(lines[selectedLine].trim());
    if (!m) { return; }
    var rest = m[6].replace(FONT, '') + (typeface.value === '既定' ? '' : ' ' + typeface.value);
    lines[selectedLine] = m[1] + ': ' + m[2] + ' ' + m[3] + ' ' + m[4] + ' ' + m[5] + rest;
    text.value = lines.join('\n');
    changed();
  });

  function round(mm) { return Math.round(mm * 2) / 2; }

  function move(index, x, y) {
    var lines = text.value.split('\n');
    var m = ELEMENT.exec(lines[index].trim());
    lines[index] = m[1] + ': ' + round(x) + ' ' + round(y) + ' ' + m[4] + ' ' + m[5] + m[6];
    text.value = lines.join('\n');
    changed();
  }

  function add(key, members) {
    var y = 40 + (text.value.match(/^(文字|表)[:：]/mg) || []).length * 10;
    var line = members === 'true' ? '表: 15 ' + y + ' 180 60 ' + key + ' 「氏名,生年月日,続柄」'
                                  : '文字: 40 ' + y + ' 80 8 ' + key + ' 11';
    text.value = text.value.replace(/\s*$/, '') + '\n' + line + '\n';
    changed();
  }

  // 様式の基本: the inputs above the page and the header lines of the definition say the same thing; either may be edited
  var header = Array.prototype.slice.call(document.querySelectorAll('#form-header [data-line]'));

  function headerLine(word) {
    return new RegExp('^' + word + '[:：][ \\t]*(.*)$', 'm');
  }

  function showHeader() {
    header.forEach(function (input) {
      var m = headerLine(input.dataset.line).exec(text.value);
      var value = m ? m[1].trim() : '';
      if (input.dataset.line === '手続') { value = value.split(/[,、]/)[0].trim(); }
      if (document.activeElement !== input) { input.value = value; }
    });
  }

  header.forEach(function (input) {
    var update = function () {
      var line = input.dataset.line + ': ' + input.value;
      var pattern = headerLine(input.dataset.line);
      if (input.dataset.line === '手続') {
        // the first procedure is the one chosen here; others written in the text stay
        var m = pattern.exec(text.value);
        var others = m ? m[1].split(/[,、]/).slice(1).map(function (p) { return p.trim(); }).filter(Boolean) : [];
        line = '手続: ' + [input.value].concat(others.filter(function (p) { return p !== input.value; })).join(', ');
      }
      if (input.dataset.line === '名称') {
        // a heading that said the name as it was says it as it is now, keystroke by keystroke
        var was = pattern.exec(text.value);
        var old = was ? was[1].trim() : null;
        if (old !== null) {
          text.value = text.value.split('\n').map(function (l) {
            return /^見出し[:：]/.test(l.trim()) ? l.replace('「' + old + '」', '「' + input.value + '」') : l;
          }).join('\n');
        }
      }
      text.value = pattern.test(text.value) ? text.value.replace(pattern, line) : line + '\n' + text.value;
      changed();
    };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  });

  function changed() {
    var id = /^様式[:：]\s*(\S+)/m.exec(text.value);
    document.getElementById('form-id').textContent = id ? id[1] : '';
    showHeader();
    render();
    clearTimeout(timer);
    timer = setTimeout(function () { document.getElementById('preview').click(); }, 600);
  }

  document.querySelectorAll('#palette .field').forEach(function (b) {
    b.addEventListener('click', function () { add(b.dataset.key, b.dataset.members); });
  });
  text.addEventListener('input', changed);
  showHeader();
  render();
})();
