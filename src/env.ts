import { existsSync } from "node:fs";

/** Loads `.env` from the working directory once, without overriding real environment variables. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
