'use strict';
const path = require('path');
const PG_VERSION = '16.4.0';
function triple() { return `${process.platform}-${process.arch}`; }
function binDir() { return path.join(__dirname, '..', 'vendor', triple(), 'bin'); }
function downloadUrl() { return `https://github.com/pgserve_/postgres-binaries/releases/download/v${PG_VERSION}/postgres-${triple()}.tar.gz`; }
module.exports = { PG_VERSION, triple, binDir, downloadUrl };
