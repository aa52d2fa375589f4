// The console talks only to the public API, with the key the user typed (kept for this tab only).
const KEY = 'widrow.apiKey';
const BASE = '/api/v1';

export const key = () => sessionStorage.getItem(KEY);
export const setKey = (k) => sessionStorage.setItem(KEY, k);
export const forgetKey = () => sessionStorage.removeItem(KEY);

/** A problem+json answer (or a network failure) as an Error the pages can show. */
export class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.errors = errors || [];
  }
}

async function problem(res) {
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  return new ApiError(res.status, body?.title || res.statusText, body?.detail, body?.errors);
}

/** JSON in, JSON out; 204 gives null. */
export async function api(path, { method = 'GET', body, signal, headers = {} } = {}) {
  const init = { method, signal, headers: { 'X-API-Key': key() || '', Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(BASE + path, init);
  if (!res.ok) throw await problem(res);
  if (res.status === 204) return null;
  return res.json();
}

export async function download(path, filename) {
  const res = await fetch(BASE + path, { headers: { 'X-API-Key': key() || '' } });
  if (!res.ok) throw await problem(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.setRequestHeader('X-API-Key', key() || '');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'The upload did not reach the server.'));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* empty */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body?.title, body?.detail, body?.errors));
    };
    xhr.send(form);
  });
}

/**
 * Server-sent events over fetch: EventSource cannot send the X-API-Key header. Calls onEvent(name, data)
 * per event; resolves when the server ends the stream, rejects on errors other than an abort.
 */
export async function events(path, onEvent, signal) {
  const res = await fetch(BASE + path, { headers: { 'X-API-Key': key() || '', Accept: 'text/event-stream' }, signal });
  if (!res.ok) throw await problem(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
