import cjs from './index.cjs';
export const match=cjs.match;export const compile=cjs.compile;
