module['exports'] = function (colors) {
  var rainbowColors = ['red', 'yellow', 'green', 'blue', 'magenta'];
  return function (letter, i, exploded) {
    if (letter === ' ') return letter;
    return colors[rainbowColors[i++ % rainbowColors.length]](letter);
  };
};
