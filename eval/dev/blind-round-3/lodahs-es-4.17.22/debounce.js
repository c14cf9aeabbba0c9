function debounce(func, wait = 0, { leading = false, trailing = true, maxWait } = {}) {
  let lastArgs, lastThis, result, timerId, lastCallTime, lastInvokeTime = 0;
  const invoke = time => { const args = lastArgs, thisArg = lastThis; lastArgs = lastThis = undefined; lastInvokeTime = time; result = func.apply(thisArg, args); return result; };
  const remaining = time => { const sinceCall = time - lastCallTime, sinceInvoke = time - lastInvokeTime, wl = wait - sinceCall; return maxWait === undefined ? wl : Math.min(wl, maxWait - sinceInvoke); };
  const shouldInvoke = time => { const sinceCall = time - lastCallTime; return lastCallTime === undefined || sinceCall >= wait || sinceCall < 0 || (maxWait !== undefined && time - lastInvokeTime >= maxWait); };
  const timerExpired = () => { const t = Date.now(); if (shouldInvoke(t)) return trailingEdge(t); timerId = setTimeout(timerExpired, remaining(t)); };
  const trailingEdge = time => { timerId = undefined; if (trailing && lastArgs) return invoke(time); lastArgs = lastThis = undefined; return result; };
  function debounced(...args) {
    const time = Date.now(), isInvoking = shouldInvoke(time);
    lastArgs = args; lastThis = this; lastCallTime = time;
    if (isInvoking && timerId === undefined) { lastInvokeTime = time; timerId = setTimeout(timerExpired, wait); return leading ? invoke(time) : result; }
    if (timerId === undefined) timerId = setTimeout(timerExpired, wait);
    return result;
  }
  debounced.cancel = () => { if (timerId !== undefined) clearTimeout(timerId); lastInvokeTime = 0; lastArgs = lastCallTime = lastThis = timerId = undefined; };
  return debounced;
}
export default debounce;
