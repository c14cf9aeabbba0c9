export function optimizeSvg(src) {
  return src.replace(/<\?xml[^>]*>/g, "").replace(/<!--[\s\S]*?-->/g, "").replace(/\s(width|height)="[^"]*"/g, "").replace(/>\s+</g, "><").trim();
}
