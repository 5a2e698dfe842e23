import { Layout } from "@/web/shared/layout";

/** The page for every error a person reaches: what happened and what to do next. */
export function ErrorPage(props: { status: number; message: string; requestId?: string }) {
  const heading = props.status === 404 ? "Page not found" : props.status >= 500 ? "Something went wrong" : "We could not do that";
  return (
    <Layout title={heading} noindex>
      <h1>{heading}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">See all events</a>
      </p>
    </Layout>
  );
}
