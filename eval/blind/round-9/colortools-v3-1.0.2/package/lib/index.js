exports.mix = (a, b, t = 0.5) => a.map((v, i) => Math.round(v * (1 - t) + b[i] * t));
exports.luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
