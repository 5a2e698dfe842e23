// Runs issue #16's seat-designs experiment alone and prints its markdown section:
//   ./node_modules/.bin/node bench/seat-designs/run.mjs [--quick] [--repeats N]
// (Node 22: wrangler needs it.) The raw results go to stderr as JSON, for the record.
import { benchSeatDesigns, seatDesignsMarkdown } from "../scenarios/seat-designs.mjs";

const quick = process.argv.includes("--quick");
const at = process.argv.indexOf("--repeats");
const repeats = at > 0 ? Number(process.argv[at + 1]) : undefined;
const results = await benchSeatDesigns({ log: (line) => console.error(line), quick, ...(repeats ? { repeats } : {}) });
console.error(JSON.stringify(results, null, 1));
console.log(seatDesignsMarkdown(results).join("\n"));
