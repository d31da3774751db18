// A page read in one queue invocation is stored in the next (one message carries it), so that neither
// does both halves of adding an article by URL: reading the page, and extracting and storing its claims.
// A message that would be too large, or a send that fails, stores it in this invocation instead.

/** Cloudflare Queues take messages of up to 128 KB; this leaves room for the envelope. */
export const MAX_MESSAGE_BYTES = 120 * 1024;

const utf8 = new TextEncoder();

/** Whether `body` fits in one queue message. */
export const fitsInMessage = (body: unknown) => utf8.encode(JSON.stringify(body)).length <= MAX_MESSAGE_BYTES;

/** Sends `body` as one message, or runs `here` when there is no queue, the body is too large or the send fails. */
export async function sendOrDoHere<T>(
  queue: { sendBatch(messages: { body: T }[]): Promise<unknown> } | undefined,
  body: T,
  here: () => Promise<unknown>,
): Promise<void> {
  if (queue && fitsInMessage(body)) {
    try {
      await queue.sendBatch([{ body }]);
      return;
    } catch (err) {
      console.error('crosscheck: sending a read page on failed; storing it in this invocation', err);
    }
  }
  await here();
}
