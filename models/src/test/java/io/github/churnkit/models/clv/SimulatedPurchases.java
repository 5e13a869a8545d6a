package io.github.churnkit.models.clv;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.TransactionSummarizer;

/** Test data: BG/NBD + Gamma-Gamma logs from core's generator, summarised at the cut-off. */
final class SimulatedPurchases {

    private SimulatedPurchases() {
    }

    static CustomerSummaries summaries(TransactionGenerator.Config config) {
        TransactionGenerator gen = TransactionGenerator.of(config);
        return TransactionSummarizer.of(config.calendar().summarizerConfig()).summarize(gen.generate());
    }

    static RfmData rfm(CustomerSummaries s) {
        return RfmData.of(s);
    }
}
