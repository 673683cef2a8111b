import { useState } from "react";
import { fieldMessage, freshId } from "../../planEditing";
import type { TeamStepProps } from "./TeamStep.types";

export function useTeamStep({ plan, update, problems }: TeamStepProps) {
  const [channelDraft, setChannelDraft] = useState("");
  const [focusPerson, setFocusPerson] = useState<string | null>(null);

  const addPerson = () => {
    const id = freshId("p", plan.team.people.map((p) => p.id));
    update((d) => void d.team.people.push({ id, name: "", role: "" }));
    setFocusPerson(id);
  };
  const removePerson = (id: string) =>
    update((d) => {
      d.team.people = d.team.people.filter((p) => p.id !== id);
      // A removed person no longer owns tasks or risks, nor has RACI letters.
      for (const task of d.schedule.tasks) if (task.ownerId === id) task.ownerId = "";
      for (const c of d.contingencies) if (c.ownerId === id) c.ownerId = "";
      for (const row of Object.values(d.raci)) delete row[id];
    });
  const setPerson = (id: string, field: "name" | "role", value: string) =>
    update((d) => {
      const person = d.team.people.find((p) => p.id === id);
      if (person) person[field] = value;
    });

  const addChannel = () => {
    const name = channelDraft.trim();
    if (name === "") return;
    if (!plan.team.channels.includes(name)) update((d) => void d.team.channels.push(name));
    setChannelDraft("");
  };
  const removeChannel = (name: string) => update((d) => void (d.team.channels = d.team.channels.filter((c) => c !== name)));
  const setBudget = (value: number | undefined) =>
    update((d) => {
      if (value === undefined) delete d.team.budget;
      else d.team.budget = value;
    });
  const setCurrency = (value: string) =>
    update((d) => {
      if (value.trim() === "") delete d.team.currency;
      else d.team.currency = value;
    });

  return {
    plan,
    message: (path: string) => fieldMessage(problems, path),
    channelDraft,
    setChannelDraft,
    focusPerson,
    addPerson,
    removePerson,
    setPerson,
    addChannel,
    removeChannel,
    setBudget,
    setCurrency,
  };
}
