"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeTime = exports.monotonicFactory = exports.ulid = void 0;
const crypto_1 = require("crypto");
const ENCODING = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const ENCODING_LEN = ENCODING.length;
const TIME_MAX = Math.pow(2, 48) - 1;
const TIME_LEN = 10;
const RANDOM_LEN = 16;
function encodeTime(now, len) {
    if (now > TIME_MAX) throw new Error("cannot encode time greater than " + TIME_MAX);
    let str = "";
    for (; len > 0; len--) {
        const mod = now % ENCODING_LEN;
        str = ENCODING.charAt(mod) + str;
        now = (now - mod) / ENCODING_LEN;
    }
    return str;
}
function encodeRandom(len) {
    const bytes = (0, crypto_1.randomBytes)(len);
    let str = "";
    for (let i = 0; i < len; i++) str += ENCODING.charAt(bytes[i] % ENCODING_LEN);
    return str;
}
function incrementBase32(str) {
    let done, index = str.length, char, charIndex;
    const maxCharIndex = ENCODING_LEN - 1;
    while (!done && index-- >= 0) {
        char = str[index];
        charIndex = ENCODING.indexOf(char);
        if (charIndex === maxCharIndex) { str = str.substr(0, index) + ENCODING[0] + str.substr(index + 1); continue; }
        done = str.substr(0, index) + ENCODING[charIndex + 1] + str.substr(index + 1);
    }
    return done;
}
function ulid(seedTime) { return encodeTime(seedTime || Date.now(), TIME_LEN) + encodeRandom(RANDOM_LEN); }
exports.ulid = ulid;
function monotonicFactory() {
    let lastTime = 0, lastRandom;
    return function (seedTime) {
        const t = seedTime || Date.now();
        if (t <= lastTime) { lastRandom = incrementBase32(lastRandom); return encodeTime(lastTime, TIME_LEN) + lastRandom; }
        lastTime = t; lastRandom = encodeRandom(RANDOM_LEN);
        return encodeTime(t, TIME_LEN) + lastRandom;
    };
}
exports.monotonicFactory = monotonicFactory;
function decodeTime(id) {
    return id.substr(0, TIME_LEN).split("").reverse().reduce((carry, char, index) => carry + ENCODING.indexOf(char) * Math.pow(ENCODING_LEN, index), 0);
}
exports.decodeTime = decodeTime;
