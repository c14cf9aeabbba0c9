import castPath from './internal/_castPath.js';
function get(object, path, defaultValue) {
  const keys = castPath(path);
  let index = 0;
  while (object != null && index < keys.length) object = object[keys[index++]];
  return index && index === keys.length && object !== undefined ? object : defaultValue;
}
export default get;
