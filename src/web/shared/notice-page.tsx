import { Layout } from "@/web/shared/layout";

/** A plain page with one message and a way back. */
export function NoticePage(props: { title: string; message: string; back: { href: string; label: string } }) {
  return (
    <Layout title={props.title} noindex>
      <h1>{props.title}</h1>
      <p class="lead" role="status">
        {props.message}
      </p>
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
    </Layout>
  );
}
