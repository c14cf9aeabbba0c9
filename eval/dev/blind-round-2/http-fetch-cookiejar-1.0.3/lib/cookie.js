'use strict';

const pairSplitRegExp = /; */;
const fieldContentRegExp = /^[\u0009\u0020-\u007e\u0080-\u00ff]+$/;

function tryDecode(str, decode) {
    try { return decode(str); } catch (e) { return str; }
}

function parse(str, options) {
    if (typeof str !== 'string') throw new TypeError('argument str must be a string');
    const obj = {};
    const dec = (options && options.decode) || decodeURIComponent;
    str.split(pairSplitRegExp).forEach((pair) => {
        let eq = pair.indexOf('=');
        if (eq < 0) return;
        const key = pair.substr(0, eq).trim();
        let val = pair.substr(++eq, pair.length).trim();
        if (val[0] === '"') val = val.slice(1, -1);
        if (obj[key] === undefined) obj[key] = tryDecode(val, dec);
    });
    return obj;
}

function serialize(name, val, options) {
    const opt = options || {};
    const enc = opt.encode || encodeURIComponent;
    if (!fieldContentRegExp.test(name)) throw new TypeError('argument name is invalid');
    const value = enc(val);
    let str = name + '=' + value;
    if (opt.maxAge != null) str += '; Max-Age=' + Math.floor(opt.maxAge);
    if (opt.domain) str += '; Domain=' + opt.domain;
    if (opt.path) str += '; Path=' + opt.path;
    if (opt.expires) str += '; Expires=' + opt.expires.toUTCString();
    if (opt.httpOnly) str += '; HttpOnly';
    if (opt.secure) str += '; Secure';
    if (opt.sameSite) str += '; SameSite=' + (opt.sameSite === true ? 'Strict' : opt.sameSite);
    return str;
}

module.exports = { parse, serialize };
