import { APIPromise, type WithResponse } from './api-promise.js';

/** The cursors of a list response: pass `after` (or `before`) back to get the next page. */
export interface ListMetadata {
  before: string | null;
  after: string | null;
  [key: string]: unknown;
}

/** The wire shape of every WorkOS list response. */
export interface ListResponse<T> {
  object?: 'list' | (string & {});
  data: T[];
  list_metadata: ListMetadata;
  [key: string]: unknown;
}

/** The direction a list is walked: forward with `after` cursors or backward with `before`. */
export type PageDirection = 'after' | 'before';

/**
 * One page of a list. `data` and `list_metadata` are the server's fields; iterating the page with
 * `for await` yields its items and then the items of every following page.
 */
export class Page<T> implements AsyncIterable<T> {
  /** The items on this page. */
  readonly data: T[];
  /** The server's cursors for the neighbouring pages. */
  readonly list_metadata: ListMetadata;
  /** The `object` field of the response, normally `"list"`. */
  readonly object: string | undefined;
  readonly #fetchPage: (cursor: string) => Promise<Page<T>>;
  readonly #direction: PageDirection;

  constructor(
    response: ListResponse<T>,
    fetchPage: (cursor: string) => Promise<Page<T>>,
    direction: PageDirection = 'after',
  ) {
    this.data = Array.isArray(response.data) ? response.data : [];
    this.list_metadata = response.list_metadata ?? { before: null, after: null };
    this.object = response.object;
    this.#fetchPage = fetchPage;
    this.#direction = direction;
  }

  /** True when the server returned a cursor for another page in the walking direction. */
  hasNextPage(): boolean {
    return this.#nextCursor() !== null;
  }

  /**
   * Fetches the next page in the walking direction.
   *
   * @throws {Error} when there is no next page; check {@link Page.hasNextPage} first.
   */
  nextPage(): Promise<Page<T>> {
    const cursor = this.#nextCursor();
    if (cursor === null) {
      return Promise.reject(
        new Error('This is the last page: check hasNextPage() before nextPage()'),
      );
    }
    return this.#fetchPage(cursor);
  }

  /** Yields the items of this page, then fetches and yields each following page, one at a time. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    // Only the current page is referenced, so a long walk keeps one page in memory.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts at this page
    let page: Page<T> = this;
    for (;;) {
      yield* page.data;
      const cursor = page.#nextCursor();
      if (cursor === null) return;

      page = await page.#fetchPage(cursor);
      if (page.#nextCursor() === cursor) throw repeatedCursorError(cursor);
    }
  }

  #nextCursor(): string | null {
    const cursor = this.list_metadata[this.#direction];
    return typeof cursor === 'string' && cursor !== '' ? cursor : null;
  }
}

/**
 * The result of a list method: a promise of the first {@link Page} that is also an async
 * iterable over every item of every page, fetched lazily.
 *
 * @example
 * const page = await workos.organizations.listOrganizations({ limit: 10 }); // one page
 * for await (const org of workos.organizations.listOrganizations()) { ... } // every item
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const first = await this;
    yield* first;
  }
}

/**
 * Walks any cursor-paginated flow: calls `fetchPage(undefined)` for the first page, then
 * `fetchPage(cursor)` with each returned `list_metadata.after` until it is `null`, yielding every
 * item. One page is held in memory at a time.
 *
 * @example
 * for await (const event of autoPaginate((after) => myCustomList({ after }))) { ... }
 */
export async function* autoPaginate<T>(
  fetchPage: (after: string | undefined) => Promise<{ data: T[]; list_metadata: ListMetadata }>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;

    const after = page.list_metadata?.after;
    const next = typeof after === 'string' && after !== '' ? after : undefined;
    if (next !== undefined && next === cursor) throw repeatedCursorError(next);
    cursor = next;
  } while (cursor !== undefined);
}

// A server that answers a cursor with the same cursor would make the walk loop forever.
function repeatedCursorError(cursor: string): Error {
  return new Error(
    `The list answered cursor ${cursor} with the same cursor again, so the walk stopped`,
  );
}

/** Builds a {@link PagePromise} from a promise of the first page with its response. */
export function pagePromise<T>(first: Promise<WithResponse<Page<T>>>): PagePromise<T> {
  return new PagePromise<T>(first);
}
