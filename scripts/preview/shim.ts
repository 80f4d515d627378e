/**
 * google.script.run for the preview: each server call becomes POST /call/<name> with the arguments as JSON;
 * the answer goes to the success or failure handler, with the user object, asynchronously, as in Apps Script.
 * Runners are immutable: `withSuccessHandler` returns a new runner, so handlers set for one call never leak
 * into another.
 */

type Handler = (value: unknown, userObject?: unknown) => void;

interface Handlers {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

interface CallAnswer {
  ok: boolean;
  value?: unknown;
  error?: { name?: string; message: string };
}

function call(name: string, args: unknown[], handlers: Handlers): void {
  fetch(`/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ args }),
  })
    .then((response) => response.json() as Promise<CallAnswer>)
    .then(
      (answer) => {
        if (answer.ok) handlers.success?.(answer.value ?? undefined, handlers.userObject);
        else {
          const error = new Error(answer.error?.message ?? 'Unknown error');
          error.name = answer.error?.name ?? 'Error';
          handlers.failure?.(error, handlers.userObject);
        }
      },
      (networkError: Error) =>
        handlers.failure?.(new Error(`NetworkError: ${networkError.message}`), handlers.userObject),
    );
}

function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string') return undefined;
        if (property === 'withSuccessHandler') return (success: Handler) => runner({ ...handlers, success });
        if (property === 'withFailureHandler') return (failure: Handler) => runner({ ...handlers, failure });
        if (property === 'withUserObject')
          return (userObject: unknown) => runner({ ...handlers, userObject });
        return (...args: unknown[]) => call(property, args, handlers);
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({}),
    host: {
      close: () => undefined,
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};
