const { render } = require('./lib');
console.log(render('<ul><% items.forEach(function (i) { %><li><%= i %></li><% }) %></ul>', { items: ['a', '<b>'] }));
