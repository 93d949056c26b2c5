// On-screen keypad for the PIN: touch kiosks often have no keyboard. The PIN stays in this page only.
document.querySelectorAll('.keypad button').forEach(function (button) {
  button.addEventListener('click', function () {
    var pin = document.getElementById('pin');
    if (button.dataset.clear) { pin.value = ''; return; }
    if (pin.value.length < 4) { pin.value += button.dataset.digit; }
  });
});
