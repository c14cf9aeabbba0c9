import cjs from "./index.js";
export const { tokens, flatten, toCssVars, toScssMap, get, contrast } = cjs;
export default cjs;
