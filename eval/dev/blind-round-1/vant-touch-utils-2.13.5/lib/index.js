'use strict';

var MIN_DISTANCE = 10;

function getDirection(x, y) {
  if (x > y && x > MIN_DISTANCE) return 'horizontal';
  if (y > x && y > MIN_DISTANCE) return 'vertical';
  return '';
}

function useTouch() {
  var state = { startX: 0, startY: 0, deltaX: 0, deltaY: 0, offsetX: 0, offsetY: 0, direction: '', startTime: 0 };
  function reset() {
    state.deltaX = state.deltaY = state.offsetX = state.offsetY = 0;
    state.direction = '';
  }
  function start(event) {
    reset();
    state.startX = event.touches[0].clientX;
    state.startY = event.touches[0].clientY;
    state.startTime = Date.now();
  }
  function move(event) {
    var touch = event.touches[0];
    state.deltaX = touch.clientX < 0 ? 0 : touch.clientX - state.startX;
    state.deltaY = touch.clientY - state.startY;
    state.offsetX = Math.abs(state.deltaX);
    state.offsetY = Math.abs(state.deltaY);
    if (!state.direction) state.direction = getDirection(state.offsetX, state.offsetY);
  }
  function isSwipe(threshold) {
    var dt = Date.now() - state.startTime;
    return dt < 300 && Math.max(state.offsetX, state.offsetY) > (threshold || 30);
  }
  return {
    state: state, start: start, move: move, reset: reset, isSwipe: isSwipe,
    isVertical: function () { return state.direction === 'vertical'; },
    isHorizontal: function () { return state.direction === 'horizontal'; }
  };
}

function onLongPress(el, handler, delay) {
  var timer = null;
  function clear() { if (timer) { clearTimeout(timer); timer = null; } }
  el.addEventListener('touchstart', function (e) { clear(); timer = setTimeout(function () { handler(e); }, delay || 500); }, { passive: true });
  el.addEventListener('touchmove', clear, { passive: true });
  el.addEventListener('touchend', clear);
  el.addEventListener('touchcancel', clear);
  return clear;
}

function preventDefault(event, isStopPropagation) {
  if (typeof event.cancelable !== 'boolean' || event.cancelable) event.preventDefault();
  if (isStopPropagation) event.stopPropagation();
}

module.exports = { useTouch: useTouch, onLongPress: onLongPress, preventDefault: preventDefault, getDirection: getDirection };
