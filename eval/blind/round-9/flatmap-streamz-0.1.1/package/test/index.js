var fm=require('../');var s=fm(function(x,cb){cb(null,x*2)});s.on('data',console.log);s.write([1,2,3]);s.end();
