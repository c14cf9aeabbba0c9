const reWords = /[A-Z]{2,}(?=[A-Z][a-z]+[0-9]*|\b)|[A-Z]?[a-z]+[0-9]*|[A-Z]|[0-9]+/g;
export const words = s => String(s).replace(/['\u2019]/g, '').match(reWords) || [];
function camelCase(s) { return words(s).map((w, i) => (i ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase())).join(''); }
export const kebabCase = s => words(s).map(w => w.toLowerCase()).join('-');
export const snakeCase = s => words(s).map(w => w.toLowerCase()).join('_');
export default camelCase;
