const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

export function createLogger(min: Level = "info") {
  const log = (level: Level, msg: string, extra: Record<string, unknown> = {}) => {
    if (LEVELS[level] < LEVELS[min]) return;
    process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...extra }) + "\n");
  };
  return { debug: (m: string, e?: Record<string, unknown>) => log("debug", m, e), info: (m: string, e?: Record<string, unknown>) => log("info", m, e), warn: (m: string, e?: Record<string, unknown>) => log("warn", m, e), error: (m: string, e?: Record<string, unknown>) => log("error", m, e) };
}
