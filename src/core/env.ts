/**
 * Reads an environment variable where the runtime has `process.env` (Node.js, Bun, Deno's Node
 * compatibility), and returns `undefined` elsewhere (browsers, Cloudflare Workers). This is the
 * only place in `src/` that touches `process`.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as { process?: { env?: Record<string, string | undefined> } };
  try {
    const value = runtime.process?.env?.[name];
    return value === undefined || value === '' ? undefined : value;
  } catch {
    // Deno without --allow-env throws on access to the environment.
    return undefined;
  }
}
