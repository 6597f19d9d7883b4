/**
 * Benchmarks workos-ts against raw fetch and @workos-inc/node in one run: `npm run bench`.
 *
 * - Size: each SDK bundled by esbuild for the browser with minification, as an app would ship
 *   it, importing only the client class; raw and gzip bytes.
 * - Speed: sequential `GET /organizations/{id}` calls against one loopback server that returns
 *   a fixed organization, timed per call after a warm-up. The median of five rounds is reported.
 *
 * The figures depend on the machine; the ratios are what to compare.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { WorkOS as OfficialWorkOS } from '@workos-inc/node';
import { build } from 'esbuild';

import { WorkOS } from '../src/index.js';

const CALLS = 2_000;
const ROUNDS = 5;
const API_KEY = 'sk_test_bench';

const ORGANIZATION = {
  object: 'organization',
  id: 'org_01HBENCH',
  name: 'Bench Inc',
  allow_profiles_outside_organization: false,
  domains: [
    {
      object: 'organization_domain',
      id: 'org_domain_01HBENCH',
      organization_id: 'org_01HBENCH',
      domain: 'bench.example.com',
      state: 'verified',
      verification_strategy: 'manual',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
  ],
  metadata: { tier: 'gold' },
  external_id: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

async function bundleSize(entry: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    // The official SDK's browser build still names a few Node modules; they are left out of both.
    external: ['node:*', 'crypto', 'http', 'https', 'stream', 'util', 'zlib'],
  });
  const bytes = result.outputFiles.reduce((total, file) => total + file.contents.byteLength, 0);
  const gzip = result.outputFiles.reduce(
    (total, file) => total + gzipSync(file.contents).byteLength,
    0,
  );
  return { raw: bytes, gzip };
}

async function time(label: string, call: () => Promise<unknown>): Promise<number> {
  for (let warmUp = 0; warmUp < 200; warmUp++) await call();
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < CALLS; index++) await call();
    rounds.push(Number(process.hrtime.bigint() - started) / 1e3 / CALLS);
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[Math.floor(ROUNDS / 2)] ?? Number.NaN;
  console.log(`  ${label.padEnd(20)} ${median.toFixed(1).padStart(7)} µs per call`);
  return median;
}

async function main(): Promise<void> {
  const body = JSON.stringify(ORGANIZATION);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ours = await bundleSize("export { WorkOS } from './src/index.ts';");
  const theirs = await bundleSize("export { WorkOS } from '@workos-inc/node';");
  console.log('Bundle size (esbuild, browser, minified)');
  console.log(`  workos-ts            ${ours.raw} B, ${ours.gzip} B gzip`);
  console.log(`  @workos-inc/node     ${theirs.raw} B, ${theirs.gzip} B gzip`);
  console.log(`  ratio (gzip)         ${(ours.gzip / theirs.gzip).toFixed(2)}`);

  const workos = new WorkOS({ apiKey: API_KEY, baseUrl });
  const official = new OfficialWorkOS(API_KEY, {
    apiHostname: '127.0.0.1',
    https: false,
    port: Number(new URL(baseUrl).port),
  });
  const url = `${baseUrl}/organizations/org_01HBENCH`;
  const headers = { Authorization: `Bearer ${API_KEY}`, Accept: 'application/json' };

  console.log(`\nGET /organizations/{id}, ${CALLS} sequential calls, median of ${ROUNDS} rounds`);
  const raw = await time('raw fetch', async () => (await fetch(url, { headers })).json());
  // Raw fetch with the abort signal and timer that every SDK call needs for its timeout.
  await time('fetch + AbortSignal', async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    const result = await (await fetch(url, { headers, signal: controller.signal })).json();
    clearTimeout(timer);
    return result;
  });
  const sdk = await time('workos-ts', () => workos.organizations.getOrganization('org_01HBENCH'));
  const peer = await time('@workos-inc/node', () =>
    official.organizations.getOrganization('org_01HBENCH'),
  );
  console.log(`  workos-ts / raw fetch          ${(sdk / raw).toFixed(2)}`);
  console.log(`  workos-ts / @workos-inc/node   ${(sdk / peer).toFixed(2)}`);

  server.close();
}

await main();
