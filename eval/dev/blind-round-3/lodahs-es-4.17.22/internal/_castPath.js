const reProp = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
export default function castPath(value) {
  if (Array.isArray(value)) return value;
  const result = [];
  String(value).replace(reProp, (match, number, quote, subString) => { result.push(quote ? subString.replace(/\\(\\)?/g, '$1') : (number || match)); });
  return result;
}
