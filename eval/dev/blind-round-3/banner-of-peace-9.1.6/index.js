import { banner, printBanner } from './src/banner.js';
import './src/init.js';
export { banner, printBanner };
export default printBanner;
