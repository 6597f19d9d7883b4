/** A parsed response together with the HTTP response it came from. */
export interface WithResponse<T> {
  data: T;
  /** The final HTTP response, after any retries. Its body has already been read. */
  response: Response;
  /** The `X-Request-ID` response header, when the server sent one. */
  requestId: string | undefined;
}

/**
 * The result of an API call: a promise of the parsed data, with {@link APIPromise.withResponse}
 * for callers who also need the headers. Both read the same single request.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    let resolveData!: (value: T) => void;
    let rejectData!: (reason: unknown) => void;
    super((resolve, reject) => {
      resolveData = resolve;
      rejectData = reject;
    });
    this.#result = result;
    result.then((value) => resolveData(value.data), rejectData);

    // A caller who reads only withResponse() handles the failure there, so this promise's copy of
    // the same rejection must not be reported as unhandled.
    void Promise.prototype.then.call(this, undefined, () => undefined);
  }

  // `then`, `catch` and `finally` build plain promises, not another APIPromise.
  static override get [Symbol.species]() {
    return Promise;
  }

  /**
   * Resolves to `{ data, response, requestId }`.
   *
   * @example
   * const { data: org, requestId } = await workos.organizations.getOrganization(id).withResponse();
   */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }
}
