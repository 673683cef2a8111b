import { Button, Field, Input, Text } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePaneT } from "../../i18n";
import { NumberField } from "../NumberField";
import { RemovableList } from "../RemovableList";
import { useStepStyles } from "../stepStyles";
import type { TeamStepProps } from "./TeamStep.types";
import { useTeamStep } from "./useTeamStep";
import { useTeamStepStyles } from "./useTeamStepStyles";

export function TeamStep(props: TeamStepProps) {
  const { t } = usePaneT();
  const s = useTeamStep(props);
  const styles = useStepStyles();
  const own = useTeamStepStyles();
  const listRef = useRef<HTMLUListElement>(null);
  const err = (path: string) => {
    const m = s.message(path);
    return { validationMessage: m, validationState: m ? ("error" as const) : ("none" as const) };
  };

  // Focus the name box of a person just added.
  useEffect(() => {
    if (!s.focusPerson) return;
    listRef.current?.querySelector<HTMLInputElement>(`[data-person="${s.focusPerson}"] input`)?.focus();
  }, [s.focusPerson]);

  const people = s.plan.team.people;
  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("teamIntro")}</Text>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("people")}</legend>
        {s.message("team.people") && people.length === 0 ? (
          <Field validationMessage={s.message("team.people")} validationState="error">
            <Text className={styles.empty}>{t("noPeople")}</Text>
          </Field>
        ) : people.length === 0 ? (
          <Text className={styles.empty}>{t("noPeople")}</Text>
        ) : null}
        <ul className={styles.list} ref={listRef}>
          {people.map((person, i) => {
            const label = t("personLabel", { n: i + 1 });
            return (
              <li key={person.id} className={styles.item} data-person={person.id} aria-label={label}>
                <div className={styles.row}>
                  <Field className={styles.grow} label={t("personName")} required {...err(`team.people[${i}].name`)}>
                    <Input value={person.name} onChange={(_, d) => s.setPerson(person.id, "name", d.value)} />
                  </Field>
                  <Field className={styles.grow} label={t("personRole")} {...err(`team.people[${i}].role`)}>
                    <Input value={person.role} onChange={(_, d) => s.setPerson(person.id, "role", d.value)} />
                  </Field>
                  <Button
                    appearance="subtle"
                    icon={<Delete16Regular />}
                    aria-label={`${t("remove")}: ${person.name || label}`}
                    onClick={() => s.removePerson(person.id)}
                  />
                </div>
              </li>
            );
          })}
        </ul>
        <div>
          <Button icon={<Add16Regular />} onClick={s.addPerson}>
            {t("addPerson")}
          </Button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("channels")}</legend>
        {s.plan.team.channels.length === 0 ? (
          <Text className={styles.empty}>{t("noChannels")}</Text>
        ) : (
          <RemovableList label={t("channels")} items={s.plan.team.channels} removeLabel={(c) => t("removeChannel", { name: c })} onRemove={s.removeChannel} />
        )}
        <div className={styles.row}>
          <Field className={styles.grow} label={t("channelNew")} {...err("team.channels")}>
            <Input
              value={s.channelDraft}
              onChange={(_, d) => s.setChannelDraft(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  s.addChannel();
                }
              }}
            />
          </Field>
          <Button icon={<Add16Regular />} onClick={s.addChannel}>
            {t("addChannel")}
          </Button>
        </div>
      </fieldset>

      <div className={own.budget}>
        <NumberField label={t("budget")} value={s.plan.team.budget} onChange={s.setBudget} validationMessage={s.message("team.budget")} />
        <Field label={t("currency")} {...err("team.currency")}>
          <Input value={s.plan.team.currency ?? ""} onChange={(_, d) => s.setCurrency(d.value)} />
        </Field>
      </div>
    </div>
  );
}
