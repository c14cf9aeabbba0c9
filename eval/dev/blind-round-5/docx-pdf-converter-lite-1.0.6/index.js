"use strict";
const { spawn } = require("child_process");
const path = require("path");
const fs = require("fs");
function sofficeBin() {
  if (process.platform === "win32") return "C:\\Program Files\\LibreOffice\\program\\soffice.exe";
  if (process.platform === "darwin") return "/Applications/LibreOffice.app/Contents/MacOS/soffice";
  return "soffice";
}
function convert(input, format = "pdf", outDir = path.dirname(input)) {
  return new Promise((res, rej) => {
    const p = spawn(sofficeBin(), ["--headless", "--convert-to", format, "--outdir", outDir, input]);
    p.on("error", rej);
    p.on("close", (code) => code === 0 ? res(path.join(outDir, path.basename(input, path.extname(input)) + "." + format)) : rej(new Error("soffice exited " + code)));
  });
}
module.exports = { convert, docxToPdf: (f, o) => convert(f, "pdf", o), pdfToDocx: (f, o) => convert(f, "docx", o) };
