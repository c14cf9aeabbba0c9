'use strict';
var list = [
  require('./polyfills/array-at'),
  require('./polyfills/object-hasown'),
  require('./polyfills/string-replaceall'),
  require('./polyfills/array-findlast')
];
var applied = [];
for (var i = 0; i < list.length; i++) {
  if (list[i].needed()) { list[i].apply(); applied.push(list[i].name); }
}
module.exports = { applied: applied };
