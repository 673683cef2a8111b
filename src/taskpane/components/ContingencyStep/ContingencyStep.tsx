import { Button, Field, Input, Select, Text, Textarea } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePaneT } from "../../i18n";
import { useStepStyles } from "../stepStyles";
import type { ContingencyStepProps } from "./ContingencyStep.types";
import { useContingencyStep } from "./useContingencyStep";

export function ContingencyStep(props: ContingencyStepProps) {
  const { t } = usePaneT();
  const s = useContingencyStep(props);
  const styles = useStepStyles();
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const err = (path: string) => {
    const m = s.message(path);
    return { validationMessage: m, validationState: m ? ("error" as const) : ("none" as const) };
  };

  useEffect(() => {
    if (s.focusId === null) return;
    const input = listRef.current?.querySelector<HTMLElement>(`[data-risk="${s.focusId}"] textarea, [data-risk="${s.focusId}"] input`);
    (input ?? addRef.current)?.focus();
  }, [s.focusId]);

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("contingencyIntro")}</Text>
      {s.risks.length === 0 && <Text className={styles.empty}>{t("noRisks")}</Text>}
      <ul className={styles.list} ref={listRef}>
        {s.risks.map((risk, i) => {
          const p = `contingencies[${i}]`;
          const label = t("riskLabel", { n: i + 1 });
          return (
            <li key={risk.id} className={styles.item} data-risk={risk.id} aria-label={label}>
              <div className={styles.itemHeader}>
                <Text className={styles.itemTitle}>{label}</Text>
                <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={`${t("remove")}: ${risk.risk || label}`} onClick={() => s.removeRisk(risk.id)} />
              </div>
              <Field label={t("risk")} required {...err(`${p}.risk`)}>
                <Textarea resize="vertical" value={risk.risk} onChange={(_, d) => s.setField(risk.id, "risk", d.value)} />
              </Field>
              <Field label={t("trigger")} hint={t("triggerHint")} {...err(`${p}.trigger`)}>
                <Input value={risk.trigger} onChange={(_, d) => s.setField(risk.id, "trigger", d.value)} />
              </Field>
              <Field label={t("response")} {...err(`${p}.response`)}>
                <Textarea resize="vertical" value={risk.response} onChange={(_, d) => s.setField(risk.id, "response", d.value)} />
              </Field>
              <div className={styles.row}>
                <Field className={styles.grow} label={t("riskOwner")} required {...err(`${p}.ownerId`)}>
                  <Select value={risk.ownerId} onChange={(_, d) => s.setField(risk.id, "ownerId", d.value)}>
                    {!s.people.some((person) => person.id === risk.ownerId) && <option value={risk.ownerId}>{t("taskOwnerNone")}</option>}
                    {s.people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name || person.id}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field className={styles.grow} label={t("resources")} {...err(`${p}.resources`)}>
                  <Input value={risk.resources} onChange={(_, d) => s.setField(risk.id, "resources", d.value)} />
                </Field>
              </div>
            </li>
          );
        })}
      </ul>
      <div>
        <Button ref={addRef} icon={<Add16Regular />} onClick={s.addRisk}>
          {t("addRisk")}
        </Button>
      </div>
    </div>
  );
}
