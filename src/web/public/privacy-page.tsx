import { DEFAULT_RETENTION_DAYS } from "@/domain/privacy/retention";
import { Layout } from "@/web/shared/layout";
import { useMessages } from "@/web/shared/i18n";

/** `/privacy`: what is kept about attendees, why, for how long, and whom to ask. */
export function PrivacyPage(props: { contact: string | undefined; url: string }) {
  const m = useMessages();
  const w = m.privacy.page;
  return (
    <Layout title={w.title} description={w.intro} url={props.url}>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <h2>{w.whatHeading}</h2>
      <ul>
        {w.what.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h2>{w.whyHeading}</h2>
      <ul>
        {w.why.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h2>{w.howLongHeading}</h2>
      <p>{w.howLong({ days: DEFAULT_RETENTION_DAYS })}</p>
      <p>{w.howLongMore}</p>
      <p>{w.kept}</p>
      <h2>{w.rightsHeading}</h2>
      <p>{w.rights}</p>
      <h2>{w.contactHeading}</h2>
      <p>{props.contact ? w.contact({ email: props.contact }) : w.contactNone}</p>
    </Layout>
  );
}
