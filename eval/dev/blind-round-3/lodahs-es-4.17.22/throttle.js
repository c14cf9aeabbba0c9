import debounce from './debounce.js';
function throttle(func, wait = 0, { leading = true, trailing = true } = {}) {
  if (typeof func !== 'function') throw new TypeError('Expected a function');
  return debounce(func, wait, { leading, trailing, maxWait: wait });
}
export default throttle;
