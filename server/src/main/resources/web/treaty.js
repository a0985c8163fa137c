// Treaty's pages work without this script but for uploads; it adds two things:
// an upload's progress bar, and opening the <details> that holds a linked explanation.
'use strict';

function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  for (let el = target.parentElement; el; el = el.parentElement) {
    if (el.tagName === 'DETAILS') el.open = true;
  }
  target.scrollIntoView();
}

function upload(form) {
  const file = form.querySelector('#file').files[0];
  const result = document.getElementById('upload-result');
  const progress = document.getElementById('progress');
  if (!file) return;
  if (file.size > Number(form.dataset.limit)) {
    result.textContent = file.name + ' is larger than the ' + form.dataset.limit + ' bytes a facts file may have.';
    return;
  }
  const kind = form.querySelector('input[name=kind]:checked').value;
  const request = new XMLHttpRequest();
  request.open('POST', form.action + '?kind=' + encodeURIComponent(kind) + '&name=' + encodeURIComponent(file.name));
  request.setRequestHeader('X-CSRF-Token', form.dataset.csrf);
  request.setRequestHeader('Content-Type', 'application/octet-stream');
  progress.hidden = false;
  progress.value = 0;
  request.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); };
  request.onload = () => {
    progress.value = 100;
    result.innerHTML = request.responseText;   // HTML made by the server, every value escaped there
  };
  request.onerror = () => { result.textContent = 'The upload did not reach the server; nothing was stored.'; };
  request.send(file);
}

document.addEventListener('DOMContentLoaded', () => {
  openTarget();
  window.addEventListener('hashchange', openTarget);
  const form = document.getElementById('upload');
  if (form) form.addEventListener('submit', (e) => { e.preventDefault(); upload(form); });
});
