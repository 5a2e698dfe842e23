import type { Child } from "hono/jsx";

/** One column of a DataTable: its heading, and how to draw each row's cell. */
export type Column<Row> = {
  heading: string;
  cell: (row: Row) => Child;
  /** The cell that names its row (`<th scope="row">`), read out before the others. */
  rowHeader?: boolean;
  /** Counts and amounts: right-aligned, with figures of even width. */
  numeric?: boolean;
};

/**
 * The organiser pages' table: a caption (shown, or for screen readers only), a heading with
 * its scope for each column, a row per item and, when there is nothing to list, a line saying
 * so instead of an empty table (without `empty`, the headings stand alone).
 */
export function DataTable<Row>(props: {
  caption: Child;
  /** The caption is for screen readers only (the page's heading already says it). */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  empty?: Child;
  /** On narrow screens each row becomes a block, for tables too wide to scroll comfortably. */
  stack?: boolean;
  /** Totals under the rows: `<tr>` elements. */
  foot?: Child;
}) {
  if (props.rows.length === 0 && props.empty !== undefined) return <p>{props.empty}</p>;
  const num = (column: Column<Row>) => (column.numeric ? "num" : undefined);
  return (
    <table class={props.stack ? "admin-table admin-table-stack" : "admin-table"}>
      <caption class={props.captionHidden ? "visually-hidden" : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col" class={num(column)}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {props.columns.map((column) =>
              column.rowHeader ? (
                <th scope="row" class={num(column)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td class={num(column)}>{column.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {props.foot !== undefined && <tfoot>{props.foot}</tfoot>}
    </table>
  );
}
