import m from './index.umd.js';
export const { rgb2hsl, hsl2rgb, rgb2hsv, hsv2rgb, rgb2hex, hex2rgb, rgb2cmyk, cmyk2rgb, rgb2xyz, xyz2lab, rgb2lab, deltaE, rgb2hwb, mix, contrast } = m;
export default m;
