export interface Config { port: number; logLevel: "debug" | "info" | "warn" | "error"; shutdownGraceMs: number; }

export function loadConfig(env = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0) throw new Error("PORT must be a positive integer");
  const logLevel = (env.LOG_LEVEL ?? "info") as Config["logLevel"];
  return { port, logLevel, shutdownGraceMs: Number(env.SHUTDOWN_GRACE_MS ?? 10000) };
}
