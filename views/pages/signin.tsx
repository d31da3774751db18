// The sign-in form: login and password, the page to return to, and one message that never says which part was wrong.
export interface SignInProps {
  next: string;
  login?: string;
  message?: string;
  notice?: string;
}

export function SignInPage({ next, login, message, notice }: SignInProps) {
  return (
    <>
      <h1>Sign in</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form class="card form signin" method="post" action="/signin">
        {message ? (
          <p class="error" role="alert" id="signin-error">
            {message}
          </p>
        ) : null}
        <input type="hidden" name="next" value={next} />
        <label>
          Login
          <input
            name="login"
            value={login ?? ''}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            maxlength={100}
            required
            autofocus
            {...(message ? { 'aria-describedby': 'signin-error' } : {})}
          />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" maxlength={200} required />
        </label>
        <div class="actions">
          <button type="submit" class="btn-primary">
            Sign in
          </button>
        </div>
      </form>
    </>
  );
}
