const level = (() => {
  if (!globalThis.navigator) return 0;
  const brand = navigator.userAgentData && navigator.userAgentData.brands.find(({ brand }) => brand === 'Chromium');
  return brand && Number(brand.version) > 93 ? 3 : /\b(Chrome|Chromium)\//.test(navigator.userAgent) ? 1 : 0;
})();
const c = level !== 0 && { level, hasBasic: true, has256: level >= 2, has16m: level >= 3 };
export default { stdout: c, stderr: c };
