// Canvas pictures: decision-boundary heat maps, hidden-unit tiles, scatter plots, confusion matrices,
// image grids and the drawing pad. Every canvas gets a text alternative (aria-label) from its caller.
import { classColor, rgb } from './ui.js';

const WHITE = [255, 255, 255];
const NEG = rgb('#d9622b');
const POS = rgb('#2a6fb0');
const lerp = (a, b, t) => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t));

/** Sizes a canvas for crisp drawing on high-DPI screens; returns its 2D context in CSS pixels. */
export function sized(canvas, width, height) {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Negative values orange, positive blue, zero white (or white → blue when all values share a sign). */
function diverging(v, lo, hi) {
  if (lo < 0 && hi > 0) {
    const m = Math.max(-lo, hi);
    return v < 0 ? lerp(WHITE, NEG, Math.min(1, -v / m)) : lerp(WHITE, POS, Math.min(1, v / m));
  }
  const span = hi - lo || 1;
  return lerp(WHITE, POS, (v - lo) / span);
}

function image(res, colorOf) {
  const img = new ImageData(res, res);
  for (let i = 0; i < res * res; i++) {
    const [r, g, b] = colorOf(i);
    img.data.set([r, g, b, 255], i * 4);
  }
  const off = document.createElement('canvas');
  off.width = res;
  off.height = res;
  off.getContext('2d').putImageData(img, 0, 0);
  return off;
}

/** Colour of each grid cell of a boundary view: class colour by confidence, or a value map for regression. */
function cellColors(s) {
  const k = s.columns;
  if (s.task === 'regression') {
    let lo = Infinity; let hi = -Infinity;
    for (let i = 0; i < s.resolution ** 2; i++) { const v = s.outputs[i * k]; lo = Math.min(lo, v); hi = Math.max(hi, v); }
    return (i) => diverging(s.outputs[i * k], lo, hi);
  }
  if (k === 2) {
    const c0 = rgb(classColor(0)); const c1 = rgb(classColor(1));
    return (i) => {
      const p = s.outputs[i * 2 + 1];
      return p < 0.5 ? lerp(WHITE, c0, (0.5 - p) * 1.2) : lerp(WHITE, c1, (p - 0.5) * 1.2);
    };
  }
  return (i) => {
    const c = s.predicted[i];
    const conf = (s.outputs[i * k + c] - 1 / k) / (1 - 1 / k);
    return lerp(WHITE, rgb(classColor(c)), 0.15 + 0.6 * Math.max(0, conf));
  };
}

function points(ctx, sample, b, w, hgt) {
  if (!sample) return;
  const sx = (x) => ((x - b.xMin) / (b.xMax - b.xMin)) * w;
  const sy = (y) => ((b.yMax - y) / (b.yMax - b.yMin)) * hgt;
  let lo = Infinity; let hi = -Infinity;
  if (sample.targets) for (const t of sample.targets) { lo = Math.min(lo, t); hi = Math.max(hi, t); }
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(20,24,30,0.75)';
  sample.x.forEach((row, i) => {
    const [r, g, bl] = sample.labels ? rgb(classColor(sample.labels[i])) : diverging(sample.targets[i], lo, hi);
    ctx.fillStyle = `rgb(${r},${g},${bl})`;
    ctx.beginPath();
    ctx.arc(sx(row[0]), sy(row[1]), 3, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  });
}

function axes(ctx, b, w, hgt, names) {
  ctx.fillStyle = '#1b1f24';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${names[0]} ${fmt(b.xMin)} … ${fmt(b.xMax)} →`, 4, hgt - 2);
  ctx.save();
  ctx.translate(12, hgt - 4);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'top';
  ctx.fillText(`${names[1]} ${fmt(b.yMin)} … ${fmt(b.yMax)} →`, 60, -10);
  ctx.restore();
}
const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

/** The decision-boundary heat map with the data on top. */
export function boundary(canvas, s, sample, size = 360) {
  const ctx = sized(canvas, size, size);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image(s.resolution, cellColors(s)), 0, 0, size, size);
  points(ctx, sample, s, size, size);
  axes(ctx, s, size, size, s.featureNames);
}

/** A scatter plot of a 2-feature sample over its own spread. */
export function scatter(canvas, sample, b, names, size = 360) {
  const ctx = sized(canvas, size, size);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  points(ctx, sample, b, size, size);
  axes(ctx, b, size, size, names);
}

/** One hidden unit's activation over the plane. */
export function neuron(canvas, values, res, size = 72) {
  const ctx = sized(canvas, size, size);
  let lo = Infinity; let hi = -Infinity;
  for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image(res, (i) => diverging(values[i], lo, hi)), 0, 0, size, size);
  return [lo, hi];
}

/** counts[true][predicted]; cells shaded by the share of their true class. */
export function confusion(canvas, view) {
  const k = view.classes.length;
  const cell = Math.max(18, Math.min(56, Math.floor(420 / k)));
  const left = 90; const top = 70;
  const ctx = sized(canvas, left + cell * k + 10, top + cell * k + 10);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = `${Math.max(9, Math.min(13, cell / 3))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let t = 0; t < k; t++) {
    const total = view.counts[t].reduce((a, b) => a + b, 0) || 1;
    for (let p = 0; p < k; p++) {
      const share = view.counts[t][p] / total;
      const [r, g, b] = lerp(WHITE, t === p ? rgb('#1d6b36') : rgb('#a1262b'), share);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(left + p * cell, top + t * cell, cell - 1, cell - 1);
      ctx.fillStyle = share > 0.55 ? '#fff' : '#1b1f24';
      ctx.fillText(String(view.counts[t][p]), left + p * cell + cell / 2, top + t * cell + cell / 2);
    }
  }
  ctx.fillStyle = '#1b1f24';
  ctx.textAlign = 'right';
  view.classes.forEach((c, i) => ctx.fillText(String(c).slice(0, 12), left - 6, top + i * cell + cell / 2));
  // Short class names fit upright over their column; longer ones are slanted.
  const slant = view.classes.some((c) => String(c).length > 3);
  ctx.textAlign = slant ? 'left' : 'center';
  view.classes.forEach((c, i) => {
    ctx.save();
    ctx.translate(left + i * cell + cell / 2, top - 8);
    if (slant) ctx.rotate(-Math.PI / 4);
    ctx.fillText(String(c).slice(0, 12), 0, 0);
    ctx.restore();
  });
  ctx.textAlign = 'left';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText('predicted →', left, 10);
  ctx.fillText('true ↓', 4, top - 10);
}

/** Rows of side×side pixels in [0, 1] (IDX images), 10 per line, with their class under each. */
export function imageGrid(canvas, sample, side, classes) {
  const n = sample.x.length;
  const per = 10; const scale = 2; const tile = side * scale; const gap = 18;
  const rows = Math.ceil(n / per);
  const ctx = sized(canvas, per * (tile + 6), rows * (tile + gap));
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  sample.x.forEach((px, i) => {
    const x0 = (i % per) * (tile + 6); const y0 = Math.floor(i / per) * (tile + gap);
    let lo = Infinity; let hi = -Infinity;
    for (const v of px) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const span = hi - lo || 1;
    const off = image(side, (j) => { const g = Math.round(255 * (px[j] - lo) / span); return [g, g, g]; });
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, x0, y0, tile, tile);
    ctx.fillStyle = '#1b1f24';
    if (sample.labels) ctx.fillText(String(classes[sample.labels[i]]).slice(0, 10), x0 + tile / 2, y0 + tile + 10);
  });
}

/** A 280×280 pad drawn in white on black; read() gives 28×28 values in [0, 1] (block means, like IDX pixels). */
export function pad(canvas, onChange) {
  const size = 280;
  const ctx = sized(canvas, size, size);
  const reset = () => { ctx.fillStyle = '#000'; ctx.fillRect(0, 0, size, size); };
  reset();
  let drawing = false;
  let last = null;
  const at = (e) => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  canvas.addEventListener('pointerdown', (e) => { drawing = true; last = at(e); canvas.setPointerCapture(e.pointerId); stroke(last); });
  canvas.addEventListener('pointermove', (e) => { if (drawing) stroke(at(e)); });
  const end = () => { if (drawing) { drawing = false; onChange?.(); } };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  function stroke(p) {
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 22;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(last[0], last[1]);
    ctx.lineTo(p[0], p[1]);
    ctx.stroke();
    last = p;
  }
  return {
    clear: reset,
    /** Draws a stroke list in pad coordinates (tests and keyboard users use this too). */
    strokes(lines) { for (const line of lines) { last = line[0]; line.forEach(stroke); } onChange?.(); },
    read() {
      const full = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const out = new Array(784).fill(0);
      const bw = canvas.width / 28; const bh = canvas.height / 28;
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x++) {
          out[Math.min(27, Math.floor(y / bh)) * 28 + Math.min(27, Math.floor(x / bw))] += full.data[(y * canvas.width + x) * 4];
        }
      }
      return out.map((v) => Math.round((v / (255 * bw * bh)) * 1000) / 1000);
    },
  };
}
