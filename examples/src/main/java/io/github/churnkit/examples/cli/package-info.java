/**
 * The {@code churnkit} command line: a data scientist's day on their own CSV files.
 *
 * <pre>
 * ./churnkit demo                                   # synthetic base: model, segments, CLV, scores, report
 * ./churnkit train --data telco.csv --target Churn --id customerID --out telco.ckb
 * ./churnkit evaluate --model telco.ckb --data next-month.csv
 * ./churnkit score --model telco.ckb --data customers.csv --out scores.csv   # streams any size
 * ./churnkit segment --data customers.csv --columns tenure,MonthlyCharges,Contract --k-range 2..8 --out seg.csv
 * ./churnkit kpis --data customers.csv --plan-col Contract
 * ./churnkit report --data customers.csv --target Churn --out report/
 * ./churnkit monitor --model telco.ckb --data this-week.csv
 * ./churnkit clv --transactions sales.csv --customer-col CustomerID --date-col InvoiceDate --amount-col Revenue \
 *     --cutoff 2011-09-30 --unit weeks --out clv.csv
 * ./churnkit clv --survivors cohorts.csv
 * </pre>
 *
 * <p>Every subcommand has {@code --help}, {@code --json FILE} (the results as JSON, shapes in
 * {@code docs/cli.md}) and {@code --quiet}. Progress goes to standard error: a redrawn bar on a
 * terminal, plain lines (one per ten percent) otherwise. Exit codes: 0 success, 1 runtime failure,
 * 2 usage error or bad input; the error is one line on standard error naming the file, column or
 * value. {@link io.github.churnkit.examples.cli.ChurnkitCli#execute} runs the same in-process.
 *
 * <p>The commands only parse options and print; the work is done by the library through the small
 * orchestration layer in {@code io.github.churnkit.examples.workflow}.
 */
package io.github.churnkit.examples.cli;
