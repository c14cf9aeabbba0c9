module['exports'] = function american() {
  console.log('LIBERTY LIBERTY LIBERTY'.toString());
  var lorem = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
  for (var i = 0; i < 3; i++) console.log(lorem.split(' ').reverse().join(' '));
};
