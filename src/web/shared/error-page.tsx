import type { Messages } from "@/i18n";
import { Layout } from "@/web/shared/layout";

/** The page for every error a person reaches: what happened and what to do next. */
export function ErrorPage(props: { m: Messages; status: number; message: string; requestId?: string }) {
  const { pages } = props.m;
  const heading = props.status === 404 ? pages.notFoundHeading : props.status >= 500 ? pages.serverErrorHeading : pages.refusedHeading;
  return (
    <Layout title={heading} noindex>
      <h1>{heading}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">{pages.allEvents}</a>
      </p>
    </Layout>
  );
}
