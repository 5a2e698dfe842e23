import type { ChoiceTally } from "@/domain/questions/catering";
import { useMessages } from "@/web/shared/i18n";

/** The dashboard's counts of choice answers among valid tickets (catering numbers). */
export function CateringCounts(props: { tallies: ChoiceTally[] }) {
  const m = useMessages();
  const words = m.questions.answers;
  if (!props.tallies.length) return null;
  return (
    <section aria-labelledby="catering-heading">
      <h2 id="catering-heading">{words.cateringHeading}</h2>
      {props.tallies.map((t) => (
        <>
          <h3>{t.label}</h3>
          {t.options.some((o) => o.count > 0) ? (
            <ul class="catering-counts">
              {t.options.map((o) => (
                <li>{words.cateringCount({ option: o.option.label, count: o.count })}</li>
              ))}
            </ul>
          ) : (
            <p>{words.cateringNone}</p>
          )}
        </>
      ))}
    </section>
  );
}
