// please no
module['exports'] = function zalgo(text, options) {
  text = text || '   he is here   ';
  var soul = {
    'up': ['\u030d', '\u030e', '\u0304', '\u0305', '\u033f', '\u0311', '\u0306', '\u0310',
      '\u0352', '\u0357', '\u0351', '\u0307', '\u0308', '\u030a', '\u0342', '\u0313'],
    'down': ['\u0316', '\u0317', '\u0318', '\u0319', '\u031c', '\u031d', '\u031e', '\u031f',
      '\u0320', '\u0324', '\u0325', '\u0326', '\u0329', '\u032a', '\u032b', '\u032c'],
    'mid': ['\u0315', '\u031b', '\u0340', '\u0341', '\u0358', '\u0321', '\u0322', '\u0327'],
  };
  var all = [].concat(soul.up, soul.down, soul.mid);

  function randomNumber(range) { return Math.floor(Math.random() * range); }
  function isChar(character) { return all.indexOf(character) !== -1; }

  function heComes(text, options) {
    var result = '';
    options = options || {};
    options['up'] = typeof options['up'] !== 'undefined' ? options['up'] : true;
    options['mid'] = typeof options['mid'] !== 'undefined' ? options['mid'] : true;
    options['down'] = typeof options['down'] !== 'undefined' ? options['down'] : true;
    options['size'] = typeof options['size'] !== 'undefined' ? options['size'] : 'maxi';
    text = text.split('');
    for (var l in text) {
      if (isChar(l)) continue;
      result = result + text[l];
      var counts = { 'up': 0, 'down': 0, 'mid': 0 };
      if (options.size === 'mini') { counts.up = randomNumber(8); counts.mid = randomNumber(2); counts.down = randomNumber(8); }
      else { counts.up = randomNumber(16) + 3; counts.mid = randomNumber(4) + 1; counts.down = randomNumber(64) + 3; }
      ['up', 'mid', 'down'].forEach(function(index) {
        for (var i = 0; i <= counts[index]; i++) {
          if (options[index]) result = result + soul[index][randomNumber(soul[index].length)];
        }
      });
    }
    return result;
  }
  return heComes(text, options);
};
