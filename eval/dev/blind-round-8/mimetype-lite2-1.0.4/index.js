
const db=require('./db.json');const path=require('path');
exports.lookup=f=>db[path.extname(String(f)).slice(1).toLowerCase()]||false;
exports.extension=t=>Object.keys(db).find(k=>db[k]===t)||false;
require('./lib/sync').warm();
