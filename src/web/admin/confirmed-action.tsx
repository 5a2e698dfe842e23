import { CsrfField } from "@/web/admin/admin-layout";

/**
 * An action that cannot be undone (cancelling a paid order without refund, erasing personal
 * data): a form of its own whose box must be ticked before its button does anything.
 */
export function ConfirmedActionForm(props: { action: string; csrfToken: string; boxId: string; words: { legend: string; hint: string; confirm: string; button: string } }) {
  const { words } = props;
  return (
    <form method="post" action={props.action} class="inline-action">
      <CsrfField token={props.csrfToken} />
      <fieldset>
        <legend>{words.legend}</legend>
        <p class="hint">{words.hint}</p>
        <div class="checkbox">
          <input type="checkbox" id={props.boxId} name="confirm" value="yes" required />
          <label for={props.boxId}>{words.confirm}</label>
        </div>
        <button type="submit" class="button-secondary">
          {words.button}
        </button>
      </fieldset>
    </form>
  );
}
