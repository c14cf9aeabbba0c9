import { h, Transition } from "vue";
const presets = { fade: { enterFromClass: "rt-fade-from", leaveToClass: "rt-fade-to" }, slide: { enterFromClass: "rt-slide-from", leaveToClass: "rt-slide-to" } };
export function routeTransition(name = "fade", opts = {}) {
  const p = presets[name] || presets.fade;
  return { name: "RouteTransition", setup(_, { slots }) { return () => h(Transition, { ...p, mode: opts.mode || "out-in" }, slots); } };
}
export default routeTransition;
