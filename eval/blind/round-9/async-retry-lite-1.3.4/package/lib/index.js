module.exports = async function retry(fn, { retries = 5, factor = 2, minTimeout = 200 } = {}) {
  let n = 0, err;
  while (n <= retries) { try { return await fn(() => { throw new Error('bail'); }, n); } catch (e) { err = e; await new Promise(r => setTimeout(r, minTimeout * factor ** n++)); } }
  throw err;
};
