var colors = require('./colors');

module['exports'] = function() {
  var addProperty = function(color, func) {
    String.prototype.__defineGetter__(color, func);
  };
  addProperty('strip', function() { return colors.strip(this); });
  addProperty('stripColors', function() { return colors.strip(this); });
  addProperty('zalgo', function() { return colors.zalgo(this); });
  Object.keys(colors.styles).forEach(function(style) {
    addProperty(style, function() { return colors[style](this); });
  });
};
