var Stream = require('stream').Stream

module.exports = function (e, n) {
  var i = new Stream()
  var s = 0
  var o = 0
  var u = false
  var f = false
  var l = false
  var a = 0
  var c = 0
  var d = !(n && n.failures)
  var m = (n && n.max) || Infinity

  i.writable = true
  i.readable = true

  function p (e, n) {
    var t = a + 1
    if (n === t) {
      if (e !== undefined) i.emit.apply(i, ['data', e])
      a++
      t++
    } else {
      c++
    }
    while (c > 0 && i._queue && i._queue[t] !== undefined) {
      i.emit('data', i._queue[t]); delete i._queue[t]; a++; t++; c--
    }
    o === s && (f && (f = false, i.emit('drain')), u && v())
  }

  function h (e, n, t) {
    if (l) return
    if (e && !d) { l = true; return i.emit('error', e) }
    var r = [].concat(n === undefined ? [] : n)
    o++
    r.forEach(function (x) { i.emit('data', x) })
    p(undefined, t)
  }

  i.write = function (n) {
    if (u) throw new Error('flatmap stream is not writable')
    var t = ++s
    try {
      var r = e(n, function (err, res) { h(err, res, t) })
      if (r !== undefined && typeof r.then !== 'function') h(null, r, t)
    } catch (err) {
      if (d) return h(err, undefined, t)
      throw err
    }
    f = s - o >= m
    return !f
  }

  function v (e) {
    if (u = true, i.writable = false, e !== undefined) return p(e, s)
    if (s === o) { i.readable = false; i.emit('end'); i.destroy() }
  }

  i.end = function (e) { u || v(e) }
  i.destroy = function () { u = l = true; i.writable = i.readable = f = false; process.nextTick(function () { i.emit('close') }) }
  i.pause = function () { f = true }
  i.resume = function () { f = false }
  return i
}
