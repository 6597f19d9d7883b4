import { APIPromise } from './api-promise.js';
import { WorkOSError } from './errors.js';

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
    return this.nextPageCursor() !== null;
  }

  /**
   * Returns the cursor of the next page in the walking direction (`list_metadata.after`, or `before` for
   * a backward walk), or `null` on the last page. Store it to resume a walk later.
   */
  nextPageCursor(): string | null {
    const cursor = this.list_metadata[this.#direction];
    return typeof cursor === 'string' && cursor !== '' ? cursor : null;
  }

  /**
   * Fetches the next page in the walking direction.
   *
   * @throws {WorkOSError} with code `no_next_page` when there is no next page; check {@link Page.hasNextPage} first.
   */
  nextPage(): Promise<Page<T>> {
    const cursor = this.nextPageCursor();
    if (cursor === null) {
      return Promise.reject(
        new WorkOSError(
          'This is the last page: check hasNextPage() before nextPage()',
          'no_next_page',
        ),
      );
    }
    return this.#fetchPage(cursor);
  }

  /** Yields the items of this page, then fetches and yields each following page, one at a time. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return walkPages({ pending: Promise.resolve(this) });
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
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return walkPages({ pending: this });
  }
}

/**
 * Yields every item from the first page on. The first page arrives in a box that is emptied at
 * once, and each page variable is overwritten by the next, so a finished page can be collected
 * while the walk goes on. A walk of any length keeps one page in memory.
 */
async function* walkPages<T>(box: {
  pending: Promise<Page<T>> | undefined;
}): AsyncGenerator<T, void, undefined> {
  let pending = box.pending;
  box.pending = undefined;
  let page: Page<T> | undefined = pending ? await pending : undefined;
  pending = undefined;

  while (page) {
    yield* page.data;
    if (!page.hasNextPage()) return;

    const cursor = page.nextPageCursor();
    const next: Page<T> = await page.nextPage();
    if (cursor !== null && next.nextPageCursor() === cursor) throw repeatedCursorError(cursor);
    page = next;
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

// A server that returns the requested cursor as the next one would make the walk loop forever.
function repeatedCursorError(cursor: string): WorkOSError {
  return new WorkOSError(
    `The list returned cursor ${cursor} again as the next cursor, so the walk stopped`,
    'repeated_cursor',
  );
}
