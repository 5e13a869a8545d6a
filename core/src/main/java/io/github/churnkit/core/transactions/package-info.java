/**
 * Transaction logs and the per-customer summaries that purchase-based CLV models are fitted on.
 *
 * <h2>From a CSV file to model inputs</h2>
 * A transaction log is a list of (customer id, date, amount). Read one, then summarise it at a
 * cut-off date:
 *
 * <pre>{@code
 * TransactionLog log = TransactionReader.of(
 *         TransactionReader.Options.columns("CustomerID", "InvoiceDate", "Revenue")
 *                 .withDatePattern("M/d/yyyy H:mm"))
 *     .read(Path.of("retail.csv"))
 *     .log();
 *
 * CustomerSummaries s = TransactionSummarizer.of(
 *         TransactionSummarizer.Config.at(LocalDate.of(2011, 9, 30))
 *                 .withHoldoutDays(90)
 *                 .withUnit(PeriodUnit.WEEKS))
 *     .summarize(log);
 *
 * for (int i = 0; i < s.size(); i++) {
 *     int x = s.frequency(i);      // repeat purchase days up to the cut-off
 *     double tx = s.recency(i);    // weeks from first to last purchase
 *     double T = s.age(i);         // weeks from first purchase to the cut-off
 *     double m = s.monetary(i);    // mean repeat spend (NaN when x == 0)
 *     int y = s.holdoutPurchases(i); // what actually happened in the 90 days after
 * }
 * CustomerTable table = s.toTable(); // for the feature pipeline; holdout columns are IGNORED
 * }</pre>
 *
 * <h2>The summary, and why it is defined this way</h2>
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2):275-284) needs, per customer, only
 * the number of repeat purchases {@code x}, the time of the last one {@code t_x} and the length of
 * observation {@code T}, all measured from the customer's first purchase. The Gamma-Gamma spend
 * model (Fader and Hardie 2013, "The Gamma-Gamma model of monetary value") needs the mean value of
 * the repeat purchases. Two practical rules, shared with the common open-source implementations:
 * purchases on the same calendar day count as one (a basket split into two invoices is not two
 * visits), and the first purchase is not a repeat (it only starts the clock).
 *
 * <h2>No leakage</h2>
 * Everything in the calibration summary is computed from transactions on or before the cut-off.
 * Later transactions up to the holdout end are counted separately ({@code holdoutPurchases}),
 * so that a forecast made at the cut-off can be compared with what happened; those columns are
 * marked {@link io.github.churnkit.core.ColumnRole#IGNORED} in the table. Customers acquired after
 * the cut-off are not in the summaries at all ({@code excludedAfterCutoff()} counts them).
 *
 * <h2>Scale</h2>
 * {@link io.github.churnkit.core.transactions.TransactionLog} stores 16 bytes per transaction in
 * primitive arrays, and the summariser groups by customer with a counting sort, so millions of
 * transactions summarise in a single pass without per-transaction objects. Simulated logs with
 * known parameters come from {@code io.github.churnkit.core.synthetic.TransactionGenerator}.
 */
package io.github.churnkit.core.transactions;
