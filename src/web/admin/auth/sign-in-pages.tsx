import { Layout } from "@/web/shared/layout";

/** Ask for a sign-in link. */
export function SignInPage(props: { next: string; error?: string; value?: string }) {
  return (
    <Layout title="Sign in" noindex>
      <h1>Sign in</h1>
      <p>For organisers and door staff. We email you a link that signs you in; no password needed.</p>
      <form method="post" action="/admin/sign-in">
        <input type="hidden" name="next" value={props.next} />
        <div class={props.error ? "field field-error" : "field"}>
          <label for="email">Your email address</label>
          {props.error && (
            <p class="error-message" id="email-error">
              {props.error}
            </p>
          )}
          <input id="email" name="email" type="email" autocomplete="email" required value={props.value} aria-describedby={props.error ? "email-error" : undefined} />
        </div>
        <button type="submit" class="button-primary">
          Email me a sign-in link
        </button>
      </form>
    </Layout>
  );
}

/** After asking: the same words whether or not the address is staff. */
export function SignInSentPage(props: { devMailbox: boolean }) {
  return (
    <Layout title="Check your email" noindex>
      <h1>Check your email</h1>
      <p class="lead" role="status">
        If that address belongs to a staff account, a sign-in link is on its way. It works once, for 15 minutes.
      </p>
      {props.devMailbox && (
        <p class="notice">
          Development: no email is really sent. Open the <a href="/dev/mail">dev mailbox</a> to find the link.
        </p>
      )}
    </Layout>
  );
}

/**
 * The link's landing page. Signing in takes a button press (a POST), because mail scanners
 * open links in emails: a GET that signed in would spend the one-time link for them.
 */
export function SignInConfirmPage(props: { token: string; next: string }) {
  return (
    <Layout title="Sign in" noindex>
      <h1>Sign in</h1>
      <form method="post" action={`/admin/sign-in/${props.token}`}>
        <input type="hidden" name="next" value={props.next} />
        <button type="submit" class="button-primary">
          Sign in now
        </button>
      </form>
    </Layout>
  );
}
