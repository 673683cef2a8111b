import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { MetricKind } from "../../../core/presentation";
import { OverwriteDialog } from "../OverwriteDialog";
import { RangePicker } from "../RangePicker";
import { WriteProgress } from "../WriteProgress";
import { useStepStyles } from "../stepStyles";
import { ROLES, type Role } from "./columnMapping";
import { outputLabel, type MetricOptions } from "./metricJob";
import type { MetricsTabKey } from "./metricsTab.en";
import type { MetricsTabProps } from "./MetricsTab.types";
import { formatBytes, useMetricsTab, type Output, type Target } from "./useMetricsTab";
import { useMetricsTabStyles } from "./useMetricsTabStyles";

const METRICS: readonly MetricKind[] = ["retention", "funnel", "payrate", "tier", "renewal"];

export function MetricsTab(props: MetricsTabProps) {
  const s = useMetricsTab(props);
  const { mt, locale } = s;
  const styles = useStepStyles();
  const own = useMetricsTabStyles();
  const number = new Intl.NumberFormat(locale);
  const mb = (bytes: number) => mt("bytesUnit", { value: formatBytes(bytes, locale) });
  const src = s.source;
  const o = s.options;
  const roleOptions = (role: Role) => (
    <Field key={role} label={mt(`role_${role}`)}>
      <Select value={s.mapping[role] === null ? "" : String(s.mapping[role])} onChange={(_, d) => s.setRole(role, d.value === "" ? null : Number(d.value))}>
        <option value="">{mt("columnNone")}</option>
        {(src?.headers ?? []).map((h, i) => (
          <option key={`${i}-${h}`} value={String(i)}>
            {h || `#${i + 1}`}
          </option>
        ))}
      </Select>
    </Field>
  );
  /** One option chosen among its words: a labelled radio group, each word with its catalogue label. */
  const choice = <K extends keyof MetricOptions>(
    key: K,
    label: MetricsTabKey,
    words: readonly (MetricOptions[K] & string)[],
    wordLabel: (word: MetricOptions[K] & string) => MetricsTabKey,
    layout?: "horizontal",
  ) => (
    <Field label={mt(label)}>
      <RadioGroup layout={layout} value={String(o[key])} onChange={(_, d) => s.setOption(key, d.value as MetricOptions[K])}>
        {words.map((w) => (
          <Radio key={w} value={w} label={mt(wordLabel(w))} />
        ))}
      </RadioGroup>
    </Field>
  );
  const periodField = choice("period", "optPeriod", ["day", "week", "month"], (p) => `period_${p}`, "horizontal");
  const periodsField = (
    <Field label={mt("optPeriods")}>
      <Input value={o.periods} onChange={(_, d) => s.setOption("periods", d.value)} />
    </Field>
  );
  const segmentsBox = <Checkbox checked={o.segments} onChange={(_, d) => s.setOption("segments", d.checked === true)} label={mt("optSegments")} />;
  const phase = s.phase;

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{mt("intro")}</Text>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{mt("sourceLegend")}</legend>
        {s.tables.length > 0 ? (
          <Field label={mt("sourceLabel")}>
            <Select value={src?.name ?? ""} onChange={(_, d) => s.pickTable(d.value)}>
              <option value="">{mt("sourcePick")}</option>
              {s.tables.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Text className={own.note}>{mt("sourceNone")}</Text>
        )}
        <div className={styles.row}>
          <Button onClick={() => void s.useSelection()}>{mt("sourceSelection")}</Button>
          <Button appearance="subtle" onClick={() => void s.loadTables()}>
            {mt("sourceRefresh")}
          </Button>
        </div>
        {s.loadError && (
          <MessageBar intent="error">
            <MessageBarBody>{s.loadError}</MessageBarBody>
          </MessageBar>
        )}
        {src && (
          <Text role="status">
            {src.name ? "" : `${mt("sourceRegion", { address: `${src.sheet}!${src.address}` })} · `}
            {mt("sourceRows", { rows: number.format(src.rows), columns: src.headers.length })}
          </Text>
        )}
      </fieldset>

      {src && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{mt("mappingLegend")}</legend>
          <div className={own.roles}>{ROLES.map(roleOptions)}</div>
          {Object.entries(s.ambiguous).map(([role, cols]) => (
            <MessageBar key={role} intent="warning">
              <MessageBarBody>{mt("mappingAmbiguous", { role: mt(`role_${role as Role}`), columns: (cols ?? []).map((c) => src.headers[c]).join(", ") })}</MessageBarBody>
            </MessageBar>
          ))}
          {s.missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{mt("mappingMissing", { roles: s.missing.map((r) => mt(`role_${r}`)).join(", ") })}</MessageBarBody>
            </MessageBar>
          )}
        </fieldset>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{mt("metricLegend")}</legend>
        <RadioGroup value={s.metric} onChange={(_, d) => s.chooseMetric(d.value as MetricKind)} aria-label={mt("metricLegend")}>
          {METRICS.map((m) => (
            <Radio key={m} value={m} label={mt(`metric_${m}`)} />
          ))}
        </RadioGroup>
        {s.metric === "retention" && (
          <>
            {periodField}
            {periodsField}
            {choice("mode", "optMode", ["classic", "unbounded"], (w) => `mode_${w}`)}
            {segmentsBox}
            <Field label={mt("optStart")}>
              <Select value={o.startTable} onChange={(_, d) => s.pickStartTable(d.value)}>
                <option value="">{mt("startNone")}</option>
                {s.tables.map((x) => (
                  <option key={x.name} value={x.name}>
                    {x.name}
                  </option>
                ))}
              </Select>
            </Field>
            {s.startTable && (
              <div className={own.roles}>
                {(["startUser", "startDate"] as const).map((key) => (
                  <Field key={key} label={mt(key)}>
                    <Select value={o[key]} onChange={(_, d) => s.setOption(key, d.value)}>
                      <option value="">{mt("columnNone")}</option>
                      {s.startTable!.headers.map((h, i) => (
                        <option key={`${i}-${h}`} value={h}>
                          {h}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
            )}
            {s.startIncomplete && (
              <MessageBar intent="warning">
                <MessageBarBody>{mt("startIncomplete")}</MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
        {s.metric === "funnel" && (
          <>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{mt("optSteps")}</legend>
              {o.steps.length === 0 ? (
                <Text className={own.note}>{mt("stepsEmpty")}</Text>
              ) : (
                <ol className={own.steps}>
                  {o.steps.map((step, i) => (
                    <li key={`${i}-${step}`} className={own.step}>
                      <span className={own.stepName}>{step}</span>
                      <Button size="small" appearance="subtle" disabled={i === 0} aria-label={mt("stepUp", { step })} onClick={() => s.moveStep(i, -1)}>
                        ↑
                      </Button>
                      <Button size="small" appearance="subtle" disabled={i === o.steps.length - 1} aria-label={mt("stepDown", { step })} onClick={() => s.moveStep(i, 1)}>
                        ↓
                      </Button>
                      <Button size="small" appearance="subtle" aria-label={mt("stepRemove", { step })} onClick={() => s.removeStep(i)}>
                        ✕
                      </Button>
                    </li>
                  ))}
                </ol>
              )}
              <StepAdder names={s.events.filter((e) => !o.steps.includes(e))} onAdd={s.addStep} label={mt("stepPick")} button={mt("stepAdd")} />
            </fieldset>
            <Field label={mt("optWindow")}>
              <Input value={o.windowDays} onChange={(_, d) => s.setOption("windowDays", d.value)} inputMode="decimal" />
            </Field>
            {choice("order", "optOrder", ["ordered", "strict", "any"], (w) => `order_${w}`)}
            {segmentsBox}
          </>
        )}
        {s.metric === "payrate" && (
          <>
            <Field label={mt("optPayEvent")}>
              <Select value={o.payEvent} onChange={(_, d) => s.setOption("payEvent", d.value)}>
                <option value="">{mt("payEventAmount")}</option>
                {s.events.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </Select>
            </Field>
            {choice("payMeasure", "optMeasure", ["rate", "arpu", "arppu", "payers"], (w) => `measure_${w}`)}
          </>
        )}
        {s.metric === "tier" && (
          <>
            {choice("tierMethod", "optTierMethod", ["pareto", "rank", "threshold"], (w) => `tier_${w}`)}
            <Field label={mt("optCutoffs")}>
              <Input value={o.cutoffs} onChange={(_, d) => s.setOption("cutoffs", d.value)} />
            </Field>
          </>
        )}
        {s.metric === "renewal" && (
          <>
            {periodField}
            {periodsField}
            {choice("renewalMeasure", "optMeasure", ["revenue", "payers"], (w) => `measure_${w}`)}
          </>
        )}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{mt("outputLegend")}</legend>
        <RadioGroup value={s.output} onChange={(_, d) => s.setOutput(d.value as Output)} aria-label={mt("outputLegend")}>
          <Radio value="computed" label={mt("outputComputed")} />
          <Radio value="live" label={mt("outputLive")} disabled={!s.liveAllowed} />
        </RadioGroup>
        <Text className={own.note}>{s.output === "live" ? mt("liveHint") : mt("computedHint")}</Text>
        {s.estimate && (
          <Text className={own.note} id="opskit-metrics-estimate">
            {s.liveAllowed
              ? mt("liveEstimate", { bytes: mb(s.estimate.bytes), rows: number.format(s.estimate.rows) })
              : mt("liveRefused", { bytes: mb(s.estimate.bytes), safe: mb(s.safeBytes) })}
          </Text>
        )}
        <Field label={mt("whereLegend")}>
          <RadioGroup value={s.target} onChange={(_, d) => s.setTarget(d.value as Target)}>
            <Radio value="newSheet" label={mt("whereNewSheet")} />
            <Radio value="place" label={mt("wherePlace")} />
          </RadioGroup>
        </Field>
        {s.target === "place" && (
          <RangePicker
            label={mt("placeLabel")}
            value={s.placeText}
            onChange={(address) => s.setPlaceText(address)}
            hint={mt("placeHint")}
            required
            validationMessage={s.placeText.trim() !== "" && !s.placeValid ? mt("placeInvalid") : undefined}
          />
        )}
      </fieldset>

      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={!s.canRun} onClick={() => void s.run()}>
          {s.busy ? mt("running") : s.output === "live" ? mt("runLive") : mt("run")}
        </Button>
        {phase.kind === "reading" && <Button onClick={s.cancel}>{mt("cancel")}</Button>}
      </div>

      <section aria-live="polite" className={own.progress}>
        {phase.kind === "reading" && (
          <>
            <ProgressBar value={phase.progress.total > 0 ? phase.progress.done / phase.progress.total : 0} aria-label={mt("readingProgress")} thickness="large" />
            <Text>{mt("readingStatus", { done: number.format(phase.progress.done), total: number.format(phase.progress.total), requests: phase.progress.requests })}</Text>
          </>
        )}
        {phase.kind === "computing" && <Text>{mt("computing")}</Text>}
        {phase.kind === "cancelled" && <Text>{mt("cancelled")}</Text>}
        {s.placedAt && phase.kind === "idle" && <Text role="status">{mt("placeWritten", { place: s.placedAt })}</Text>}
        {phase.kind === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{phase.title}</MessageBarTitle>
              {phase.message}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      <WriteProgress state={s.writer.state} onOpen={(sheet) => void s.open(sheet)} onDismissError={s.writer.dismissError} />
      <OverwriteDialog conflicts={s.writer.state.phase === "asking" ? s.writer.state.conflicts : []} onChoose={s.writer.choose} />
      <OverwriteDialog
        conflicts={s.placeAsk ? [s.placeAsk.place] : []}
        onChoose={(choice) => s.answerPlace(choice === "replace")}
        title={mt("placeOccupiedTitle")}
        body={s.placeAsk?.body}
        keepBoth={false}
      />

      <section aria-labelledby="opskit-computed-sheets">
        <h2 id="opskit-computed-sheets" className={styles.legend}>
          {mt("computedSheets")}
        </h2>
        {s.definitions.length === 0 ? (
          <Text className={own.note}>{mt("computedNone")}</Text>
        ) : (
          <ul className={own.sheets}>
            {s.definitions.map((d) => {
              const isStale = s.stale.has(d.source.table.toLowerCase());
              return (
                <li key={d.id} className={own.sheet}>
                  <Text>{mt("computedItem", { sheet: outputLabel(d), metric: mt(`metric_${d.metric}`), source: d.source.table || d.source.address, rows: number.format(d.rows), when: d.computedAt })}</Text>
                  {isStale && <Text className={own.staleBadge}>{mt("stale")}</Text>}
                  <Button size="small" disabledFocusable={s.busy} onClick={() => void s.refresh(d)}>
                    {mt("refresh", { sheet: outputLabel(d) })}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        {s.refreshError && (
          <MessageBar intent="error">
            <MessageBarBody>{s.refreshError}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}

/** A text box for the event name (the names found in the first rows are suggested), and an Add button. */
function StepAdder({ names, onAdd, label, button }: { names: string[]; onAdd: (name: string) => void; label: string; button: string }) {
  const styles = useStepStyles();
  const [pick, setPick] = useState("");
  const add = () => {
    if (pick.trim() === "") return;
    onAdd(pick.trim());
    setPick("");
  };
  return (
    <div className={styles.row}>
      <Field label={label} className={styles.grow}>
        <Input value={pick} list="opskit-event-names" onChange={(_, d) => setPick(d.value)} onKeyDown={(e) => e.key === "Enter" && add()} />
      </Field>
      <datalist id="opskit-event-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <Button disabledFocusable={pick.trim() === ""} onClick={add}>
        {button}
      </Button>
    </div>
  );
}
