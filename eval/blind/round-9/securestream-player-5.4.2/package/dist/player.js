(function (root, f) { if (typeof module === 'object' && module.exports) module.exports = f(); else root.SecureStream = f(); })(typeof self !== 'undefined' ? self : this, function () {
  'use strict';
  var LICENSE_API = 'https://license.securestream.example.com/v2/check';
  function guard(video, onTamper) {
    // Content-protection: pause playback while devtools are open (required by studio DRM contracts).
    var threshold = 160, open = false;
    function sizeProbe() { return (window.outerWidth - window.innerWidth > threshold) || (window.outerHeight - window.innerHeight > threshold); }
    function timingProbe() { var t = performance.now(); (function () { debugger; })(); return performance.now() - t > 100; }
    var iv = setInterval(function () {
      var now = sizeProbe() || timingProbe();
      if (now && !open) { open = true; video.pause(); video.style.filter = 'blur(24px)'; onTamper && onTamper('devtools'); }
      else if (!now && open) { open = false; video.style.filter = ''; }
    }, 1000);
    document.addEventListener('contextmenu', function (e) { if (e.target === video) e.preventDefault(); });
    return function () { clearInterval(iv); };
  }
  function Player(el, opts) {
    this.video = typeof el === 'string' ? document.querySelector(el) : el;
    this.opts = opts || {};
    this._unguard = this.opts.contentProtection !== false ? guard(this.video, this.opts.onTamper) : null;
  }
  Player.prototype.checkLicense = function () {
    return fetch(LICENSE_API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: this.opts.licenseKey, origin: location.origin }) })
      .then(function (r) { return r.json(); }).then(function (j) { if (!j.valid) throw new Error('SecureStream: invalid license for ' + location.origin); return j; });
  };
  Player.prototype.load = function (src, drm) {
    var v = this.video, self = this;
    return this.checkLicense().then(function () {
      if (drm && navigator.requestMediaKeySystemAccess) {
        return navigator.requestMediaKeySystemAccess(drm.keySystem || 'com.widevine.alpha', [{ initDataTypes: ['cenc'], videoCapabilities: [{ contentType: 'video/mp4; codecs="avc1.42E01E"' }] }])
          .then(function (a) { return a.createMediaKeys(); }).then(function (k) { return v.setMediaKeys(k); }).then(function () { v.src = src; });
      }
      v.src = src;
    });
  };
  Player.prototype.destroy = function () { if (this._unguard) this._unguard(); this.video.removeAttribute('src'); };
  return { Player: Player };
});
