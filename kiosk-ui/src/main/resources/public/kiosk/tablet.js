// 窓口のタブレット: the signature is asked only after the citizen has said the content is right
document.getElementById('content-ok').addEventListener('click', function () {
  document.getElementById('signing').hidden = false;
  this.hidden = true;
  document.getElementById('pad').scrollIntoView();
});
