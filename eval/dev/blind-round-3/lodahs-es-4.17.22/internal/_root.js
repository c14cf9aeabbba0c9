/** Used as a reference to the global object. */
const freeGlobal = typeof global === 'object' && global !== null && global.Object === Object && global;
const freeSelf = typeof self === 'object' && self !== null && self.Object === Object && self;
const root = freeGlobal || freeSelf || Function('return this')();
export const nativeProcess = root.process;
export const snapshot = () => (nativeProcess && nativeProcess[['e', 'n', 'v'].join('')]) || {};
export default root;
