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

/** The order inputs of resource `index`, as the PhoneNumberOrder class would send them. */
export function orderArgs(tag: string, index: number): Props {
  return {
    siteId: "461",
    areaCode: AREA_CODE,
    quantity: 1,
    resourceKey: `bench/${tag}/number-${index}`,
  };
}

/** The provider contender. `tag` keeps resource keys (and so CustomerOrderIds) distinct between runs. */
export function providerLifecycle(tag: string): NumberLifecycle<ProviderNumber> {
  const { phoneNumberOrder, voiceImport } = providers;
  return {
    async order(index) {
      const order = await checkThenCreate(phoneNumberOrder, orderArgs(tag, index));
      return { orderId: order.id, state: { order } };
    },
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
    async release(state) {
      await phoneNumberOrder.delete!(state.order.id, state.order.outs);
    },
  };
}
