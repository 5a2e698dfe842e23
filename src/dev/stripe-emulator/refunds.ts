import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { invalidParam, noSuch, StripeApiError } from "@/dev/stripe-emulator/errors";
import { emitEvent, type EventCause } from "@/dev/stripe-emulator/events";
import { stripeId, unixNow } from "@/dev/stripe-emulator/ids";
import type { Charge, PaymentIntent, Refund } from "@/dev/stripe-emulator/objects";
import type { CreateRefundParams } from "@/dev/stripe-emulator/params";
import { deleteObjects, findObject, insertObject, swapObject } from "@/dev/stripe-emulator/store";

/** "£25.00", as Stripe writes amounts in its error messages. */
function decimal(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2 }).format(amount / 100);
}

async function chargeIdFor(ctx: EmulatorContext, params: CreateRefundParams): Promise<string> {
  if (params.payment_intent === undefined) return params.charge!;
  const paymentIntent = await findObject<PaymentIntent>(ctx, "payment_intent", params.payment_intent);
  if (!paymentIntent) throw noSuch("payment_intent", params.payment_intent, "payment_intent");
  const chargeId = paymentIntent.value.latest_charge;
  if (params.charge !== undefined && params.charge !== chargeId) {
    throw invalidParam("charge", `Charge ${params.charge} does not belong to PaymentIntent ${params.payment_intent}.`);
  }
  return chargeId;
}

/**
 * `POST /v1/refunds`: refunds part or all of what is left on the payment's charge and
 * emits `charge.refunded` with the charge's cumulative `amount_refunded`.
 *
 * The charge's conditional update is the commit point: of two refunds racing for the same
 * remaining amount, one wins and the other re-reads and is checked again.
 */
export async function createRefund(ctx: EmulatorContext, params: CreateRefundParams, cause: EventCause): Promise<Refund> {
  const chargeId = await chargeIdFor(ctx, params);
  for (let tries = 0; tries < 5; tries++) {
    const stored = await findObject<Charge>(ctx, "charge", chargeId);
    if (!stored) throw noSuch("charge", chargeId, "charge");
    const charge = stored.value;
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw new StripeApiError(400, "invalid_request_error", `Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
      });
    }
    const amount = params.amount ?? remaining;
    if (amount > remaining) {
      throw invalidParam(
        "amount",
        `Refund amount (${decimal(amount, charge.currency)}) is greater than unrefunded amount on charge (${decimal(remaining, charge.currency)})`,
        "amount_too_large",
      );
    }
    const refund: Refund = {
      id: stripeId("re"),
      object: "refund",
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: unixNow(),
      currency: charge.currency,
      destination_details: null,
      metadata: params.metadata ?? {},
      payment_intent: charge.payment_intent,
      reason: params.reason ?? null,
      receipt_number: null,
      status: "succeeded",
    };
    await insertObject(ctx, "refund", refund.id, refund, stored.sessionId);
    const amountRefunded = charge.amount_refunded + amount;
    const next: Charge = { ...charge, amount_refunded: amountRefunded, refunded: amountRefunded === charge.amount };
    if (await swapObject(ctx, charge.id, stored.raw, next)) {
      await emitEvent(ctx, "charge.refunded", next, {
        sessionId: stored.sessionId,
        cause,
        previousAttributes: { amount_refunded: charge.amount_refunded, refunded: charge.refunded },
      });
      return refund;
    }
    await deleteObjects(ctx, [refund.id]);
  }
  throw new StripeApiError(
    429,
    "invalid_request_error",
    "This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request.",
    { code: "lock_timeout" },
  );
}
