const assert = require("assert");
const UASniff = require("../src/ua-sniff");
const r = new UASniff("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36").getResult();
assert.strictEqual(r.browser.name, "Chrome");
assert.strictEqual(r.os.version, "10");
assert.strictEqual(r.device.type, "desktop");
console.log("ok");
