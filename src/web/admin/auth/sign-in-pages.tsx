import { SIGN_IN_LINK_MINUTES } from "@/domain/staff/sign-in";
import { useMessages } from "@/web/shared/i18n";
import { Layout } from "@/web/shared/layout";
import { MarkedSentence } from "@/web/shared/marked-sentence";

/** Ask for a sign-in link. */
export function SignInPage(props: { next: string; error?: string; value?: string }) {
  const t = useMessages().team.signIn;
  return (
    <Layout title={t.title} noindex>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="post" action="/admin/sign-in">
        <input type="hidden" name="next" value={props.next} />
        <div class={props.error ? "field field-error" : "field"}>
          <label for="email">{t.emailLabel}</label>
          {props.error && (
            <p class="error-message" id="email-error">
              {props.error}
            </p>
          )}
          <input id="email" name="email" type="email" autocomplete="email" required value={props.value} aria-describedby={props.error ? "email-error" : undefined} />
        </div>
        <button type="submit" class="button-primary">
          {t.send}
        </button>
      </form>
    </Layout>
  );
}

/** After asking: the same words whether or not the address is staff. */
export function SignInSentPage(props: { devMailbox: boolean }) {
  const t = useMessages().team.signIn;
  return (
    <Layout title={t.sentTitle} noindex>
      <h1>{t.sentTitle}</h1>
      <p class="lead" role="status">
        {t.sent({ minutes: SIGN_IN_LINK_MINUTES })}
      </p>
      {props.devMailbox && (
        <p class="notice">
          <MarkedSentence say={t.devMailbox} slots={{ mailbox: <a href="/dev/mail">{t.mailboxLink}</a> }} />
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
  const t = useMessages().team.signIn;
  return (
    <Layout title={t.title} noindex>
      <h1>{t.title}</h1>
      <form method="post" action={`/admin/sign-in/${props.token}`}>
        <input type="hidden" name="next" value={props.next} />
        <button type="submit" class="button-primary">
          {t.confirm}
        </button>
      </form>
    </Layout>
  );
}
