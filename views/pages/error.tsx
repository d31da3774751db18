// A readable error page (and the fragment htmx swaps when a partial request fails).
export function ErrorMessage({ status, message }: { status: number; message: string }) {
  return (
    <div class="error-box" role="alert">
      <p class="error">
        <strong>{status}</strong> {message}
      </p>
    </div>
  );
}

export function ErrorPage({ status, message }: { status: number; message: string }) {
  return (
    <>
      <h1>{status === 404 ? 'Not found' : 'Something went wrong'}</h1>
      <ErrorMessage status={status} message={message} />
      <p>
        <a href="/">Back to the queue</a>
      </p>
    </>
  );
}
