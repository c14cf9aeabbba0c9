"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const jsQR = require("jsqr");

function decodeImageData(imageData) {
  const r = jsQR(imageData.data, imageData.width, imageData.height, { inversionAttempts: "attemptBoth" });
  return r ? { text: r.data, location: r.location } : null;
}

function drawToCanvas(source, w, h) {
  const c = document.createElement("canvas");
  c.width = w; c.height = h;
  const ctx = c.getContext("2d", { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h);
}

function scanImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(decodeImageData(drawToCanvas(img, img.naturalWidth, img.naturalHeight)));
    img.onerror = () => reject(new Error("could not load image"));
    img.src = src;
  });
}

function scanFile(file) {
  const url = URL.createObjectURL(file);
  return scanImage(url).finally(() => URL.revokeObjectURL(url));
}

async function scanCamera(video, { onResult, facingMode = "environment", interval = 250 } = {}) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode } });
  video.srcObject = stream; video.setAttribute("playsinline", ""); await video.play();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (video.readyState >= 2) {
      const res = decodeImageData(drawToCanvas(video, video.videoWidth, video.videoHeight));
      if (res && onResult) onResult(res);
    }
    setTimeout(tick, interval);
  };
  tick();
  return () => { stopped = true; stream.getTracks().forEach((t) => t.stop()); };
}

function openIfUrl(text) {
  let u; try { u = new URL(text); } catch (e) { return false; }
  if (!/^https?:$/.test(u.protocol)) return false;
  if (window.confirm(`Open ${u.href}?`)) { window.open(u.href, "_blank", "noopener"); return true; }
  return false;
}

exports.decodeImageData = decodeImageData;
exports.scanImage = scanImage;
exports.scanFile = scanFile;
exports.scanCamera = scanCamera;
exports.openIfUrl = openIfUrl;
