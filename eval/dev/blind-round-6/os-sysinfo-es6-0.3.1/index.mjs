import m from "./index.cjs";
export const { cpu, memory, system, all } = m;
export default m;
