import { getFormatter, getTranslations } from "next-intl/server";
import { type Answers, type Definition, type Item, isVisible } from "@/lib/domain/screenings";
import { label } from "./screening-summary";

/** The stored answers, labelled by the definition of the version they were given under. */
export async function AnswerList({ definition, answers }: { definition: Definition; answers: Answers }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const option = (item: Item, value: string | number) =>
    "optionSet" in item ? label(t, `screenings.options.${item.optionSet}.${value}`) : String(value);
  const show = (item: Item): string => {
    const value = answers[item.key];
    if (value === undefined || (Array.isArray(value) && value.length === 0))
      return t("screenings.notAnswered");
    if (Array.isArray(value)) return value.map((v) => option(item, v)).join(", ");
    if (typeof value === "boolean") return t(value ? "screenings.yes" : "screenings.no");
    if (item.type === "number") return `${format.number(value as number)}${item.unit ? ` ${item.unit}` : ""}`;
    if (item.type === "date")
      return format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
    if (item.type === "scale" || item.type === "choice") return option(item, value as string | number);
    return String(value);
  };
  return (
    <>
      {definition.sections.map((section) => (
        <section key={section.key}>
          <h3>{label(t, `screenings.sections.${definition.messages}.${section.key}`)}</h3>
          <dl className="facts">
            {section.items
              .filter((item) => isVisible(item, answers))
              .map((item) => (
                <div key={item.key} style={{ display: "contents" }}>
                  <dt>{label(t, `screenings.items.${definition.messages}.${item.key}`)}</dt>
                  <dd style={{ whiteSpace: "pre-wrap" }}>{show(item)}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </>
  );
}
