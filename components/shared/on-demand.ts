// Code an element imports on demand (see onDemand).
import { IcsError, errorMessage } from '../../src/index.js';

/**
 * A module an element imports on demand (code its first render does not need): imported once per
 * page, on the first call. A failed import (the chunk did not arrive) is forgotten, so the next
 * call (Retry) tries again, and rejects with an `IcsError` that says in words what could not be
 * loaded, as every other failure of a read does. Returns the function that imports it.
 */
export function onDemand<M>(load: () => Promise<M>, what: string): () => Promise<M> {
  let module: Promise<M> | undefined;
  return () =>
    (module ??= load().catch((error: unknown) => {
      module = undefined;
      throw new IcsError('network', `Could not load the code of ${what}: ${errorMessage(error)}`, { cause: error });
    }));
}
