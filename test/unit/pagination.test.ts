import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { APIClient } from '../../src/core/client.js';
import { resolveConfig } from '../../src/core/config.js';
import { autoPaginate, Page, type ListMetadata } from '../../src/core/pagination.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server.js';

const TOTAL = 10_000;
let server: ScriptedServer;

// Serves items item_0 ... item_9999 in ascending order with WorkOS-style cursors.
function listHandler(request: { url: URL }) {
  const limit = Number(request.url.searchParams.get('limit') ?? '10');
  const after = request.url.searchParams.get('after');
  const before = request.url.searchParams.get('before');

  let start = after ? Number(after.replace('item_', '')) + 1 : 0;
  let end = Math.min(TOTAL, start + limit);
  if (before) {
    end = Number(before.replace('item_', ''));
    start = Math.max(0, end - limit);
  }

  const data = Array.from({ length: end - start }, (_, offset) => ({
    id: `item_${start + offset}`,
  }));
  return {
    status: 200,
    body: {
      object: 'list',
      data,
      list_metadata: {
        before: start > 0 ? `item_${start}` : null,
        after: end < TOTAL ? `item_${end - 1}` : null,
      },
    },
  };
}

beforeAll(async () => {
  server = await startScriptedServer(listHandler);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  server.handle(listHandler);
});

function client(): APIClient {
  return new APIClient(resolveConfig({ apiKey: 'sk_test_pages', baseUrl: server.url }));
}

function listItems(query: Record<string, unknown>) {
  return client().list<{ id: string }>({ method: 'GET', path: '/items', query });
}

describe('Page', () => {
  it('awaiting gives the first page only', async () => {
    const page = await listItems({ limit: 3 });
    expect(page).toBeInstanceOf(Page);
    expect(page.data.map((item) => item.id)).toEqual(['item_0', 'item_1', 'item_2']);
    expect(page.list_metadata).toEqual({ before: null, after: 'item_2' });
    expect(page.object).toBe('list');
    expect(page.hasNextPage()).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('nextPage follows the after cursor', async () => {
    const first = await listItems({ limit: 2, order: 'asc' });
    const second = await first.nextPage();
    expect(second.data.map((item) => item.id)).toEqual(['item_2', 'item_3']);
    expect(server.requests[1]?.url.search).toBe('?limit=2&order=asc&after=item_1');
  });

  it('the last page has no next page', async () => {
    const page = await listItems({ limit: 5, after: 'item_9994' });
    expect(page.data.map((item) => item.id)).toEqual([
      'item_9995',
      'item_9996',
      'item_9997',
      'item_9998',
      'item_9999',
    ]);
    expect(page.hasNextPage()).toBe(false);
    await expect(page.nextPage()).rejects.toThrow(
      'This is the last page: check hasNextPage() before nextPage()',
    );
  });

  it('walks backward from a before cursor', async () => {
    const ids: string[] = [];
    for await (const item of listItems({ limit: 2, before: 'item_5' })) ids.push(item.id);
    expect(ids).toEqual(['item_3', 'item_4', 'item_1', 'item_2', 'item_0']);
    expect(server.requests.map((request) => request.url.searchParams.get('before'))).toEqual([
      'item_5',
      'item_3',
      'item_1',
    ]);
  });

  it('withResponse on a list gives the page and request id', async () => {
    server.handle((request) => ({
      ...listHandler(request),
      headers: { 'x-request-id': 'req_list' },
    }));
    const { data, requestId } = await listItems({ limit: 1 }).withResponse();
    expect(data.data).toEqual([{ id: 'item_0' }]);
    expect(requestId).toBe('req_list');
  });
});

describe('for await', () => {
  it('yields all 10,000 items in order, 100 requests', async () => {
    let count = 0;
    let expectedIndex = 0;
    let inOrder = true;
    for await (const item of listItems({ limit: 100 })) {
      if (item.id !== `item_${expectedIndex}`) inOrder = false;
      expectedIndex++;
      count++;
    }
    expect(count).toBe(TOTAL);
    expect(inOrder).toBe(true);
    expect(server.requests).toHaveLength(100);
    expect(server.requests[99]?.url.searchParams.get('after')).toBe('item_9899');
  });

  it('fetches lazily', async () => {
    let seen = 0;
    for await (const _item of listItems({ limit: 100 })) {
      if (++seen === 150) break;
    }
    expect(server.requests).toHaveLength(2);
  });

  it('iterating a Page walks on from that page', async () => {
    const page = await listItems({ limit: 4000 });
    const ids: string[] = [];
    for await (const item of page) ids.push(item.id);
    expect(ids).toHaveLength(TOTAL);
    expect(server.requests).toHaveLength(3);
  });

  it('keeps one page in memory', () => {
    const output = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        fileURLToPath(new URL('../fixtures/page-memory-probe.ts', import.meta.url)),
      ],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(output) as { pagesSeen: number; collected: string[] };

    expect(result.pagesSeen).toBe(51);
    // Pages 0 to 49 were used up before page 50 was fetched. A walk that held its pages would
    // keep all 50; the collector may keep a stray one alive for its own reasons, so allow two.
    const earlier = Array.from({ length: 50 }, (_, page) => `item_${page * 100}`);
    const retained = earlier.filter((id) => !result.collected.includes(id));
    expect(retained.length, `pages still alive: ${retained.join(', ')}`).toBeLessThanOrEqual(2);
  }, 60_000);

  it('stops when the server repeats a cursor', async () => {
    server.handle(() => ({
      status: 200,
      body: {
        object: 'list',
        data: [{ id: 'loop' }],
        list_metadata: { before: null, after: 'same' },
      },
    }));
    const ids: string[] = [];
    const walk = async () => {
      for await (const item of listItems({ after: 'same' })) ids.push(item.id);
    };
    await expect(walk()).rejects.toThrow(
      'The list returned cursor same again as the next cursor, so the walk stopped',
    );
  });
});

describe('autoPaginate', () => {
  it('drives a custom cursor flow', async () => {
    const calls: Array<string | undefined> = [];
    const pages: Record<string, { data: number[]; list_metadata: ListMetadata }> = {
      start: { data: [1, 2], list_metadata: { before: null, after: 'c1' } },
      c1: { data: [3], list_metadata: { before: 'c1', after: 'c2' } },
      c2: { data: [], list_metadata: { before: 'c2', after: 'c3' } },
      c3: { data: [4, 5], list_metadata: { before: 'c3', after: null } },
    };
    const values: number[] = [];
    for await (const value of autoPaginate(async (after) => {
      calls.push(after);
      return pages[after ?? 'start']!;
    })) {
      values.push(value);
    }
    expect(values).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual([undefined, 'c1', 'c2', 'c3']);
  });

  it('stops on a repeated cursor', async () => {
    const walk = async () => {
      for await (const _value of autoPaginate(async () => ({
        data: [1],
        list_metadata: { before: null, after: 'again' },
      }))) {
        // Consume.
      }
    };
    await expect(walk()).rejects.toThrow('The list returned cursor again again as the next cursor');
  });
});
