import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { getReceipt, vatInside } from "@/domain/correspondence/receipt";
import { createEvent, db, fetchWorker, serviceDeps } from "./helpers";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { orderWith } from "./correspondence-fixtures";

async function conference() {
  return createEvent({ tiers: [{ name: "Member", priceMinor: 800 }, { name: "Non-member", priceMinor: 1300 }] });
}

async function setOrganisation(fields: Record<string, string>) {
  const owner = await signedInAs("owner");
  const res = await postAs(owner, "/admin/settings", { name: "Human Rights Forum", address: "1 Example Street\nLondon", charityNumber: "1234567", companyNumber: "", vatStatus: "not_registered", vatNumber: "", vatRate: "20", ...fields });
  expect(res.status).toBe(303);
}

const text = async (path: string) => readableText(await (await fetchWorker(path)).text());

describe("receipts", () => {
  it("list each ticket at the price paid, the refund and the totals of the order, with no VAT charged", async () => {
    await setOrganisation({});
    const event = await conference();
    const [member, other] = event.ticketTypes;
    const order = await orderWith(event.id, [{ tierId: member!.id, name: "Grace Hopper", priceMinor: 800 }, { tierId: other!.id, name: "Alan Turing", priceMinor: 1300 }], { status: "partially_refunded", refundedMinor: 800 });
    const receipt = await getReceipt(serviceDeps(), order.id);
    if (receipt.state !== "issued") throw new Error(receipt.state);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const ticketLines = receipt.lines.flatMap((l) => (l.kind === "ticket" ? [{ id: l.ticketId, amount: l.amountMinor, attendee: l.attendee }] : []));
    expect(ticketLines.sort(byId)).toEqual(order.tickets.map((t) => ({ id: t.id, amount: t.pricePaidMinor, attendee: t.attendeeName })).sort(byId));
    expect(receipt.lines.filter((l) => l.kind === "refund").map((l) => l.amountMinor)).toEqual([-800]);
    expect(receipt.paidMinor).toBe(order.totalMinor);
    expect(receipt.refundedMinor).toBe(800);
    expect(receipt.netMinor).toBe(order.totalMinor - 800);
    expect(receipt.vat).toEqual({ kind: "none" });

    const page = await text(`/orders/${order.id}/receipt`);
    const amount = (minor: number) => en.format.amount(minor, "GBP");
    for (const said of ["Human Rights Forum", en.correspondence.receipt.charityNumber({ number: "1234567" }), order.reference, "Grace Hopper", "Alan Turing", "Member", "Non-member"]) expect(page).toContain(said);
    expect(page).toContain(`${en.correspondence.receipt.totalPaid} ${amount(2100)}`);
    expect(page).toContain(`${en.correspondence.receipt.refunded} ${amount(-800)}`);
    expect(page).toContain(`${en.correspondence.receipt.net} ${amount(1300)}`);
    expect(page).toContain(en.correspondence.receipt.noVat);
  });

  it("show the VAT included at the organisation's rate, with its VAT number, when it is registered", async () => {
    await setOrganisation({ vatStatus: "registered", vatNumber: "GB123456789", vatRate: "20" });
    const event = await conference();
    const order = await orderWith(event.id, [{ tierId: event.ticketTypes[1]!.id, name: "Alan Turing", priceMinor: 1300 }]);
    const receipt = await getReceipt(serviceDeps(), order.id);
    if (receipt.state !== "issued" || receipt.vat.kind !== "included") throw new Error("no VAT line");
    // 13.00 including 20% VAT: 13.00 / 1.2 = 10.83 before VAT, 2.17 VAT.
    expect(receipt.vat.vatMinor).toBe(217);
    expect(receipt.vat.netMinor + receipt.vat.vatMinor).toBe(1300);
    const page = await text(`/orders/${order.id}/receipt`);
    expect(page).toContain(en.correspondence.receipt.vatNumber({ number: "GB123456789" }));
    expect(page).toContain(`${en.correspondence.receipt.vatLine({ rate: "20" })} ${en.format.amount(217, "GBP")}`);
    expect(page).not.toContain(en.correspondence.receipt.noVat);
    expect(vatInside(1050, 500)).toBe(50);
  });

  it("say an unpaid order has no receipt yet, and show no totals", async () => {
    const event = await conference();
    const order = await orderWith(event.id, [{ tierId: event.ticketTypes[0]!.id, name: "Grace Hopper", priceMinor: 800 }], { status: "pending" });
    const res = await fetchWorker(`/orders/${order.id}/receipt`);
    expect(res.status).toBe(200);
    const page = readableText(await res.text());
    expect(page).toContain(en.correspondence.receipt.unpaid.heading);
    expect(page).not.toContain(en.correspondence.receipt.totalPaid);
    // And the order page offers no receipt link for it.
    expect(await (await fetchWorker(`/orders/${order.id}/complete`)).text()).not.toContain(`/orders/${order.id}/receipt`);
  });

  it("are linked from the order page of a paid order", async () => {
    const event = await conference();
    const order = await orderWith(event.id, [{ tierId: event.ticketTypes[0]!.id, name: "Grace Hopper", priceMinor: 800 }]);
    expect(await (await fetchWorker(`/orders/${order.id}/complete`)).text()).toContain(`/orders/${order.id}/receipt`);
  });

  it("speak only Spanish for an order placed in Spanish, and follow the reader's choice of language", async () => {
    await setOrganisation({ vatStatus: "registered", vatNumber: "GB123456789", vatRate: "20" });
    const event = await conference();
    const order = await orderWith(event.id, [{ tierId: event.ticketTypes[0]!.id, name: "Grace Hopper", priceMinor: 800 }], { language: "es", status: "partially_refunded", refundedMinor: 100 });
    const spanish = await text(`/orders/${order.id}/receipt`);
    expect(spanish).toContain(es.correspondence.receipt.heading);
    expect(spanish).toContain(es.correspondence.receipt.totalPaid);
    expect(sentencesIn(spanish, sentencesOf(en))).toEqual([]);
    const english = await text(`/orders/${order.id}/receipt?lang=en`);
    expect(english).toContain(en.correspondence.receipt.totalPaid);
    expect(sentencesIn(english, sentencesOf(es))).toEqual([]);
  });

  it("answer 404 for an order that does not exist", async () => {
    expect((await fetchWorker("/orders/ord_0000000000000000/receipt")).status).toBe(404);
  });
});

describe("the organisation's settings", () => {
  it("are saved by an owner with an audit entry, and a refused form changes nothing", async () => {
    const owner = await signedInAs("owner");
    await setOrganisation({ name: "Before" });
    const refused = await postAs(owner, "/admin/settings", { name: "", address: "", charityNumber: "", companyNumber: "", vatStatus: "registered", vatNumber: "", vatRate: "twenty" });
    expect(refused.status).toBe(422);
    const page = readableText(await refused.text());
    for (const said of [en.fields.required as string, en.fields.format_invalid as string]) expect(page).toContain(said);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: "org" } })).name).toBe("Before");
    expect(await db.auditEntry.count({ where: { action: "organisation_updated", staffId: owner.staff.id } })).toBe(0);
    const ok = await postAs(owner, "/admin/settings", { name: "After", address: "", charityNumber: "", companyNumber: "", vatStatus: "registered", vatNumber: "GB1", vatRate: "5" });
    expect(ok.status).toBe(303);
    const row = await db.organisation.findUniqueOrThrow({ where: { id: "org" } });
    expect([row.name, row.vatStatus, row.vatNumber, row.vatRateBasisPoints]).toEqual(["After", "registered", "GB1", 500]);
    expect(await db.auditEntry.count({ where: { action: "organisation_updated", staffId: owner.staff.id } })).toBe(1);
    expect((await getAs(owner, "/admin/settings")).status).toBe(200);
  });

  it("are refused to organisers and door staff", async () => {
    for (const role of ["organiser", "door"] as const) {
      const caller = await signedInAs(role);
      expect((await getAs(caller, "/admin/settings")).status).toBe(403);
      expect((await postAs(caller, "/admin/settings", { name: "Taken over", vatStatus: "not_registered" })).status).toBe(403);
    }
  });
});
