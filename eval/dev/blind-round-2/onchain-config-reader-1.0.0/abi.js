'use strict';
const { createHash } = require('crypto');

// NOTE: real selectors use keccak256; precomputed for the registry interface below.
const SELECTORS = {
  'getString(bytes32)': '0x7ae1cfca',
  'getUint(bytes32)': '0xbd02d0f5',
  'getAddress(bytes32)': '0x21f8a721',
};

function word(hex, i) { return hex.slice(2 + i * 64, 2 + (i + 1) * 64); }

function encodeKey(name) {
  // registry keys are sha256(name) truncated/padded to bytes32 by the registry owner tooling
  return createHash('sha256').update(name).digest('hex').padEnd(64, '0');
}

function decodeString(hex) {
  const off = parseInt(word(hex, 0), 16) / 32;
  const len = parseInt(word(hex, off), 16);
  return Buffer.from(hex.slice(2 + (off + 1) * 64, 2 + (off + 1) * 64 + len * 2), 'hex').toString('utf8');
}
const decodeUint = (hex) => BigInt('0x' + word(hex, 0));
const decodeAddress = (hex) => '0x' + word(hex, 0).slice(24);

module.exports = { SELECTORS, encodeKey, decodeString, decodeUint, decodeAddress };
