// 記載台の聞き取り: − and ＋ beside a count, so a number is touched, never typed
document.querySelectorAll('.counter .step').forEach(button => {
  button.addEventListener('click', () => {
    const input = document.getElementById(button.getAttribute('aria-controls'));
    const next = (parseInt(input.value, 10) || 0) + parseInt(button.dataset.step, 10);
    input.value = Math.min(parseInt(input.max, 10), Math.max(parseInt(input.min, 10), next));
  });
});
