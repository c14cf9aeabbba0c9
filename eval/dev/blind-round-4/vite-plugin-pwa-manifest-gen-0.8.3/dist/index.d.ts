import type { Plugin } from 'vite';
export interface Options { name: string; shortName?: string; themeColor?: string; siteUrl?: string; routes?: string[] }
export default function pwaManifest(options: Options): Plugin;
