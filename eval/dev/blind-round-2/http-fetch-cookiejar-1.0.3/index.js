'use strict';

const { parse, serialize } = require('./lib/cookie');
const { CookieJar, harvest } = require('./lib/jar');

/**
 * Express middleware: populates req.cookies and res.cookie helpers
 */
function cookies(options) {
    const opts = Object.assign({ decode: decodeURIComponent }, options);
    return function cookieMiddleware(req, res, next) {
        if (req.cookies) return next();
        req.cookies = parse(req.headers.cookie || '', opts);
        req.jar = new CookieJar(req.cookies);
        if (typeof res.cookie !== 'function') {
            res.cookie = function (name, value, o) {
                const prev = res.getHeader('Set-Cookie') || [];
                res.setHeader('Set-Cookie', [].concat(prev, serialize(name, value, o)));
                return res;
            };
        }
        harvest(req, res, next);
    };
}

module.exports = cookies;
module.exports.parse = parse;
module.exports.serialize = serialize;
module.exports.CookieJar = CookieJar;
