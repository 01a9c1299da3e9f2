// Run by lib/server/ledger/ledger-shutdown.test.ts: a server process that records requests and is
// stopped by SIGTERM, either with no handler of its own or with one like Next's (finish, then exit).
import { getLedger } from "@/lib/server/ledger/ledger";
import { aRecord } from "@/lib/server/ledger/ledger-test-helpers";

if (process.argv[2] === "graceful") {
  process.on("SIGTERM", () => {
    // A request still in flight when the signal came ends during the graceful shutdown.
    getLedger().service.record(aRecord({ requested: "late" }));
    setTimeout(() => process.exit(143), 10);
  });
}
const { service } = getLedger();
service.flush(); // opens the database: usage.db-wal and -shm exist from here on
service.record(aRecord({ requested: "queued" }));
process.kill(process.pid, "SIGTERM");
setInterval(() => undefined, 1000); // alive until the signal ends it
