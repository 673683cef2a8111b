/**
 * The order words of OPS.FUNNEL and the implementation of each, as one
 * table (the way HyperFormula keys a function's implementation from its
 * metadata): adding an order is one file and one row here.
 */
import { OrderFactory } from "./order";
import { ordered } from "./ordered";
import { strict } from "./strict";
import { any } from "./any";

export type FunnelOrder = "ordered" | "strict" | "any";

export interface OrderEntry {
  readonly make: OrderFactory;
  /** Whether events that are not steps matter (they break a strict chain). */
  readonly needsOtherEvents: boolean;
}

export const ORDERS: Readonly<Record<FunnelOrder, OrderEntry>> = {
  ordered: { make: ordered, needsOtherEvents: false },
  strict: { make: strict, needsOtherEvents: true },
  any: { make: any, needsOtherEvents: false },
};

/** The words, default first. */
export const FUNNEL_ORDERS: readonly FunnelOrder[] = ["ordered", "strict", "any"];
