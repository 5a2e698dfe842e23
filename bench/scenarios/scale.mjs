// Does latency hold as an event fills? Check-in and order creation at the same open-loop rate
// against an event with 100 tickets sold and one with 100,000 (seeded with SQL), compared.
import { checkInsAt, ordersAt } from "./realistic.mjs";

export async function benchScale({ server, events, recorder, seconds, log }) {
  const rows = [];
  for (const [ev, from] of [[events.small, 1], [events.large, 5001]]) {
    log(`  scale: ${ev.sold.toLocaleString("en-GB")} sold, check-in and order creation at 20 a second, ${seconds} s each…`);
    const checkIn = await checkInsAt({ server, ev, from, rate: 20, seconds, recorder });
    const orders = await ordersAt({ server, ev, rate: 20, seconds, recorder });
    rows.push({ sold: ev.sold, checkIn, orders });
  }
  return rows;
}
