/**
 * Drives the provider the way the engine does, through its public surface only: check → create for a new resource,
 * delete on destroy, each call on the serialized provider object (`providers.*`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { providers } from "../provider";
import type { NumberLifecycle } from "./lifecycle";
import { AREA_CODE } from "./settings";

type Props = Record<string, unknown>;

/** What the engine keeps for a resource: its id and outputs. */
interface Held {
  id: string;
  outs: Props;
}

/** The state of one number between steps. */
export interface ProviderNumber {
  order: Held;
  voice?: Held;
}

async function checkThenCreate(provider: pulumi.dynamic.ResourceProvider, args: Props): Promise<Held> {
  const checked = await provider.check!({}, args);
  if (checked.failures && checked.failures.length > 0) {
    throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  }
  const created = await provider.create(checked.inputs);
  return { id: created.id, outs: (created.outs ?? {}) as Props };
}

/** The order inputs of resource `index`, as the PhoneNumberOrder class would send them, with any `extra` inputs. */
export function orderArgs(tag: string, index: number, extra: Props = {}): Props {
  return {
    siteId: "461",
    areaCode: AREA_CODE,
    quantity: 1,
    resourceKey: `bench/${tag}/number-${index}`,
    ...extra,
  };
}

/** Creates a PhoneNumberOrder of one number as the engine does. */
async function orderOne(
  tag: string,
  index: number,
  extra?: Props,
): Promise<{ orderId: string; state: ProviderNumber }> {
  const order = await checkThenCreate(providers.phoneNumberOrder, orderArgs(tag, index, extra));
  return { orderId: order.id, state: { order } };
}

/** Deletes a PhoneNumberOrder as the engine does: its id and its last outputs. */
async function releaseOne(state: ProviderNumber): Promise<void> {
  await providers.phoneNumberOrder.delete!(state.order.id, state.order.outs);
}

/** The provider contender. `tag` keeps resource keys (and so CustomerOrderIds) distinct between runs. */
export function providerLifecycle(tag: string): Required<NumberLifecycle<ProviderNumber>> {
  const { voiceImport } = providers;
  return {
    order: (index) => orderOne(tag, index),
    async importNumber(state) {
      const tns = state.order.outs.telephoneNumbers as string[] | undefined;
      if (tns?.length !== 1) throw new Error(`order ${state.order.id} holds ${JSON.stringify(tns)}`);
      const voice = await checkThenCreate(voiceImport, { number: tns[0] });
      return { ...state, voice };
    },
    async unimport(state) {
      if (state.voice) await voiceImport.delete!(state.voice.id, state.voice.outs);
      return { order: state.order };
    },
    release: releaseOne,
  };
}

/**
 * The provider with number settings: each PhoneNumberOrder of one number created with `settings` (set before create
 * returns, by TN option orders the resources share), then deleted. A create whose outputs do not record the settings
 * on its number fails the lifecycle.
 */
export function providerSettingsLifecycle(tag: string, settings: Props): NumberLifecycle<ProviderNumber> {
  return {
    async order(index) {
      const ordered = await orderOne(tag, index, settings);
      const [tn] = (ordered.state.order.outs.telephoneNumbers as string[] | undefined) ?? [];
      const recorded = (ordered.state.order.outs.numberSettings as Record<string, Props> | undefined)?.[tn];
      if (!recorded || Object.keys(recorded).length === 0) {
        throw new Error(`order ${ordered.orderId}: no settings recorded for ${tn}`);
      }
      return ordered;
    },
    release: releaseOne,
  };
}
