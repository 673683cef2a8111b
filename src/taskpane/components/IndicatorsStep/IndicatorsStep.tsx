import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { IndicatorKind } from "../../../core/plan/types";
import { usePaneT } from "../../i18n";
import { NumberField } from "../NumberField";
import { RangePicker } from "../RangePicker";
import { useStepStyles } from "../stepStyles";
import type { IndicatorsStepProps } from "./IndicatorsStep.types";
import { ADDABLE_KINDS, useIndicatorsStep } from "./useIndicatorsStep";
import { useIndicatorsStepStyles } from "./useIndicatorsStepStyles";

export function IndicatorsStep(props: IndicatorsStepProps) {
  const { t } = usePaneT();
  const s = useIndicatorsStep(props);
  const styles = useStepStyles();
  const own = useIndicatorsStepStyles();
  const listRef = useRef<HTMLUListElement>(null);
  const err = (path: string) => {
    const m = s.message(path);
    return { validationMessage: m, validationState: m ? ("error" as const) : ("none" as const) };
  };

  useEffect(() => {
    if (s.focusId === null) return;
    listRef.current?.querySelector<HTMLInputElement>(`[data-indicator="${s.focusId}"] input`)?.focus();
  }, [s.focusId]);

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("indicatorsIntro")}</Text>
      {s.indicators.length === 0 && <Text className={styles.empty}>{t("noIndicators")}</Text>}
      <ul className={styles.list} ref={listRef}>
        {s.indicators.map((ind, i) => {
          const p = `indicators[${i}]`;
          const label = t("indicatorLabel", { n: i + 1 });
          const name = ind.name || label;
          const roles = s.roles(ind);
          const ranges = s.rangesOf(ind);
          const percent = ind.unit === "percent";
          return (
            <li key={ind.id} className={styles.item} data-indicator={ind.id} aria-label={label}>
              <div className={styles.itemHeader}>
                <Text className={styles.itemTitle}>{label}</Text>
                <Text className={styles.itemMeta}>{t(`kind_${ind.kind}`)}</Text>
                <Button appearance="subtle" size="small" icon={<ArrowUp16Regular />} aria-label={`${t("moveUp")}: ${name}`} disabled={i === 0} onClick={() => s.moveIndicator(ind.id, -1)} />
                <Button appearance="subtle" size="small" icon={<ArrowDown16Regular />} aria-label={`${t("moveDown")}: ${name}`} disabled={i === s.indicators.length - 1} onClick={() => s.moveIndicator(ind.id, 1)} />
                <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={`${t("remove")}: ${name}`} onClick={() => s.removeIndicator(ind.id)} />
              </div>
              <Field label={t("indicatorName")} required {...err(`${p}.name`)}>
                <Input value={ind.name} onChange={(_, d) => s.setName(ind.id, d.value)} />
              </Field>
              <div className={styles.row}>
                <NumberField
                  narrow
                  label={t("indicatorTarget")}
                  required
                  value={ind.target}
                  blankValue={NaN}
                  scale={percent ? 100 : 1}
                  unit={t(`unit_${ind.unit}`)}
                  onChange={(v) => s.setTarget(ind.id, v)}
                  validationMessage={s.message(`${p}.target`)}
                />
                <Field className={styles.grow} label={t("indicatorDirection")} {...err(`${p}.direction`)}>
                  <Select value={ind.direction ?? "higher"} onChange={(_, d) => s.setDirection(ind.id, d.value === "lower" ? "lower" : "higher")}>
                    <option value="higher">{t("directionHigher")}</option>
                    <option value="lower">{t("directionLower")}</option>
                  </Select>
                </Field>
              </div>
              {roles.length > 0 && (
                <fieldset className={styles.fieldset}>
                  <legend className={own.note}>{t("dataRanges")}</legend>
                  <div className={own.ranges}>
                    {roles.map((role) => (
                      <RangePicker key={role} label={t(`range_${role}`)} value={ranges[role] ?? ""} onChange={(address) => s.setRange(ind, role, address)} />
                    ))}
                    {ind.actualFormula ? (
                      <Text className={own.formula} aria-label={`${t("liveFormula")}: ${ind.actualFormula}`}>
                        {ind.actualFormula}
                      </Text>
                    ) : (
                      <Text className={own.note}>{t("noLiveFormula")}</Text>
                    )}
                  </div>
                </fieldset>
              )}
              {s.message(`${p}.actualFormula`) && (
                <Field validationMessage={s.message(`${p}.actualFormula`)} validationState="error">
                  <Text className={own.formula}>{ind.actualFormula}</Text>
                </Field>
              )}
            </li>
          );
        })}
      </ul>
      <div className={styles.row}>
        <Field className={styles.grow} label={t("addIndicatorKind")}>
          <Select value={s.kindToAdd} onChange={(_, d) => s.setKindToAdd(d.value as IndicatorKind)}>
            {ADDABLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<Add16Regular />} onClick={s.addIndicator}>
          {t("addIndicator")}
        </Button>
      </div>
    </div>
  );
}
