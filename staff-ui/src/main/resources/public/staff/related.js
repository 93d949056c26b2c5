// Only the questions asked for the chosen event are shown; the others keep their default answers.
  (function () {
    var select = document.getElementById('event');
    function show() {
      var event = select.options[select.selectedIndex].getAttribute('data-event');
      document.querySelectorAll('#questions .question').forEach(function (q) {
        q.hidden = (' ' + q.getAttribute('data-events') + ' ').indexOf(' ' + event + ' ') < 0;
      });
    }
    select.addEventListener('change', show);
    show();
  })();
