/**
 * The declarative diff of a PhoneNumberOrder: what replaces it (other criteria), what updates it in place (name, the
 * number set, site and peer, settings), and what an update keeps.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PhoneNumberOrderInputs, PhoneNumberOrderOutputs } from "../resources/phoneNumberOrder";
import { sameValue } from "../resources/lifecycle";
import { phoneNumberOrderSchema } from "../schema/phoneNumberOrder";
import { settingKeys, stableKeys } from "../schema/types";
import { isUnknown } from "../validation";
import { criteriaKind, EXISTING_ORDER_TYPE, LOCATION_KEYS, REPLACE_KEYS } from "./check";
import { settingsNeedWork } from "./settings";

/** Inputs that only change how later calls are made: an update that calls nothing (the schema's `change: "setting"`). */
export const SETTING_KEYS: readonly string[] = settingKeys(phoneNumberOrderSchema);

/** Outputs an update that neither orders nor disconnects leaves as they are (the schema's `stable` fields). */
export const STABLE_WHEN_NUMBERS_KEPT: readonly string[] = stableKeys(phoneNumberOrderSchema);

/** Outputs a move changes: the location and the move orders that carried the numbers there. */
const MOVED = new Set<string>([...LOCATION_KEYS, "moveOrderIds"]);

/** The declarative diff. No network: it compares the state with the checked inputs. */
export function diffPhoneNumberOrder(
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs,
): pulumi.dynamic.DiffResult {
  const was = olds as unknown as Record<string, unknown>;
  const now = news as unknown as Record<string, unknown>;
  const replaces: string[] = REPLACE_KEYS.filter((k) => !sameValue(was[k], now[k]));
  const oldMode = olds.orderType === EXISTING_ORDER_TYPE ? "telephoneNumbers" : "search";
  const newKind = criteriaKind(news as unknown as Record<string, unknown>);
  const newMode = newKind === "telephoneNumbers" ? "telephoneNumbers" : newKind === undefined ? oldMode : "search";
  if (oldMode !== newMode && !replaces.includes("telephoneNumbers")) replaces.push("telephoneNumbers");

  let numbersChange = false;
  if (newMode === "telephoneNumbers" && oldMode === "telephoneNumbers") {
    numbersChange = isUnknown(news.telephoneNumbers) || !sameSet(olds.telephoneNumbers, news.telephoneNumbers ?? []);
  } else if (news.quantity !== undefined) {
    numbersChange = isUnknown(news.quantity) || news.quantity !== (olds.telephoneNumbers ?? []).length;
  }
  const settingsChange = SETTING_KEYS.some((k) => !sameValue(was[k], now[k]));
  const renamed = !sameValue(olds.name, news.name);
  const pending = (olds.pendingOrderIds ?? []).length > 0;
  // Slots vacated by a refreshed loss are either refilled or, with a lowered quantity, accepted and forgotten.
  const vacated = (olds.vacatedSlots ?? []).length > 0;
  // A new site or location moves the numbers in place: the same numbers, each at its index.
  const moved = LOCATION_KEYS.some((k) => !sameValue(olds[k], news[k]));
  // Number settings: a changed input, or a number lacking what they ask (a refresh saw a drift, an option order failed).
  const numberSettingsChange = settingsNeedWork(olds, news, olds.telephoneNumbers ?? []);
  const changes =
    replaces.length > 0 ||
    numbersChange ||
    settingsChange ||
    renamed ||
    pending ||
    vacated ||
    moved ||
    numberSettingsChange;
  // What an in-place update keeps: without this a rename or a move previews every number (and each dependent) as unknown.
  const stables =
    replaces.length === 0 && !numbersChange && !pending
      ? STABLE_WHEN_NUMBERS_KEPT.filter((k) => !moved || !MOVED.has(k))
      : undefined;
  return { changes, replaces, stables, deleteBeforeReplace: false };
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const left = new Set(a ?? []);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}
