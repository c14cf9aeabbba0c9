import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

function gitSha(cwd) {
  try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); }
  catch { return 'unknown'; }
}

export default function pwaManifest(options) {
  let cfg;
  return {
    name: 'vite-plugin-pwa-manifest-gen',
    apply: 'build',
    configResolved(c) { cfg = c; },
    writeBundle() {
      const out = cfg.build.outDir.startsWith('/') ? cfg.build.outDir : join(cfg.root, cfg.build.outDir);
      mkdirSync(out, { recursive: true });
      const publicEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('VITE_PUBLIC_')));
      writeFileSync(join(out, 'manifest.webmanifest'), JSON.stringify({
        name: options.name, short_name: options.shortName || options.name, start_url: cfg.base, display: 'standalone',
        theme_color: options.themeColor || '#ffffff', icons: [{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' }],
      }, null, 2));
      writeFileSync(join(out, 'version.json'), JSON.stringify({ sha: gitSha(cfg.root), builtAt: new Date().toISOString(), env: publicEnv }, null, 2));
      if (options.siteUrl) {
        const urls = (options.routes || ['/']).map((r) => `  <url><loc>${new URL(r, options.siteUrl).href}</loc></url>`).join('\n');
        writeFileSync(join(out, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.example.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`);
      }
    },
  };
}
