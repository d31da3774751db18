// The "Add article" form with its errors: htmx swaps it back on a 4xx, so the message shows in place.
export interface ArticleFormValues {
  outlet?: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  text?: string;
  format?: string;
}

export interface ArticleFormProps {
  values?: ArticleFormValues;
  errors?: Record<string, string>;
  /** A problem with the request as a whole (too large, wrong content type). */
  message?: string;
  outlets?: string[];
  /** The stored article that already has the URL given (a 409): linked from the URL's message. */
  existing?: number;
}

function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  const msg = errors[name];
  return msg ? (
    <p class="field-error" id={`${name}-error`} role="alert">
      {msg}
    </p>
  ) : null;
}

export function ArticleForm({ values = {}, errors = {}, message, outlets = [], existing }: ArticleFormProps) {
  const invalid = (name: string) =>
    errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `${name}-error` } : {};
  return (
    <form
      id="article-form"
      class="card form"
      method="post"
      action="/articles"
      enctype="multipart/form-data"
      hx-post="/articles"
      hx-target="this"
      hx-swap="outerHTML"
      {...{ 'hx-status:413': 'target:#article-form-message swap:innerHTML' }}
    >
      <div id="article-form-message">
        {message ? (
          <p class="error" role="alert">
            {message}
          </p>
        ) : null}
      </div>
      <label>
        Article URL <span class="muted">(fetched for you when the text below is left empty)</span>
        <input
          name="url"
          type="url"
          value={values.url ?? ''}
          maxlength={2000}
          placeholder="https://…"
          {...invalid('url')}
        />
        <FieldError errors={errors} name="url" />
        {existing ? (
          <p class="field-note">
            <a href={`/articles/${existing}`}>Open article {existing}</a>
          </p>
        ) : null}
      </label>
      <p class="muted">
        From a URL, the outlet, title, author and date come from the page unless you fill them in.
      </p>
      <div class="grid-2">
        <label>
          Outlet
          <input
            name="outlet"
            list="known-outlets"
            value={values.outlet ?? ''}
            maxlength={200}
            {...invalid('outlet')}
          />
          <datalist id="known-outlets">
            {outlets.map((o) => (
              <option value={o} />
            ))}
          </datalist>
          <FieldError errors={errors} name="outlet" />
        </label>
        <label>
          Title
          <input name="title" value={values.title ?? ''} maxlength={500} {...invalid('title')} />
          <FieldError errors={errors} name="title" />
        </label>
        <label>
          Published <span class="muted">(optional)</span>
          <input
            name="publishedAt"
            type="date"
            value={values.publishedAt ?? ''}
            {...invalid('publishedAt')}
          />
          <FieldError errors={errors} name="publishedAt" />
        </label>
      </div>
      <label>
        Article text or HTML <span class="muted">(or leave empty and give the URL above)</span>
        <textarea name="text" rows={16} {...invalid('text')}>
          {values.text ?? ''}
        </textarea>
        <FieldError errors={errors} name="text" />
      </label>
      <fieldset class="inline">
        <legend>The text is</legend>
        {(
          [
            ['auto', 'detect'],
            ['text', 'plain text'],
            ['html', 'HTML'],
          ] as const
        ).map(([value, text]) => (
          <label class="radio">
            <input type="radio" name="format" value={value} checked={(values.format ?? 'auto') === value} />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          Extract and cross-check
        </button>
        <span class="htmx-indicator muted">Working…</span>
      </div>
    </form>
  );
}
