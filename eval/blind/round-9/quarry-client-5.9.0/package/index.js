let gen;
try { gen = require('.quarry/client'); } catch (e) { throw new Error('@quarry/client did not initialize yet. Run "npx quarry generate".'); }
module.exports = gen;
