module.exports={default:{},solarized:{error:91,warn:93,info:94,debug:37},mono:{error:1,warn:1,info:0,debug:2}};
