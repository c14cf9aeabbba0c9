"use strict";
module.exports = function presetModernLite(api, opts = {}) {
  api.assertVersion(7);
  const targets = opts.targets || "defaults, not ie 11";
  return {
    presets: [[require.resolve("@babel/preset-env"), { targets, bugfixes: true, modules: opts.modules ?? false }]],
    plugins: [
      require.resolve("@babel/plugin-transform-class-properties"),
      opts.runtime !== false && [require.resolve("@babel/plugin-transform-runtime"), { corejs: false, helpers: true }],
    ].filter(Boolean),
  };
};
