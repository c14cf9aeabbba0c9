import m from "./node.cjs";
export const { HttpAgent, HttpsAgent, mixin } = m;
export default m;
