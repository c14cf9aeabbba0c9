'use strict';
const path = require('path');
function override(...plugins) { return (config, env) => plugins.reduce((c, p) => p(c, env), config); }
const addWebpackAlias = alias => config => { config.resolve = config.resolve || {}; config.resolve.alias = Object.assign({}, config.resolve.alias, alias); return config; };
const addWebpackPlugin = plugin => config => { config.plugins = (config.plugins || []).concat(plugin); return config; };
const disableSourceMaps = () => (config, env) => { if (env === 'production') config.devtool = false; return config; };
const addBabelPlugin = plugin => config => {
  const oneOf = ((config.module || {}).rules || []).find(r => r.oneOf);
  const babel = oneOf && oneOf.oneOf.find(r => r.loader && r.loader.includes('babel-loader') && r.include);
  if (babel) babel.options.plugins = (babel.options.plugins || []).concat([plugin]);
  return config;
};
const useSrcAlias = () => addWebpackAlias({ '@': path.resolve(process.cwd(), 'src') });
module.exports = { override, addWebpackAlias, addWebpackPlugin, disableSourceMaps, addBabelPlugin, useSrcAlias };
