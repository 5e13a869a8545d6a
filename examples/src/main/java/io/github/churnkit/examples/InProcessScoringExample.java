package io.github.churnkit.examples;

import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.examples.workflow.ChurnTraining;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.features.RowBuffer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * In-process scoring from a service: load a data-only model file once, then score each request
 * with a per-thread {@link RowBuffer} and feature array, no training libraries involved. The model
 * file is trained here first so that the example runs on its own.
 */
public final class InProcessScoringExample {

    private InProcessScoringExample() {
    }

    /** A request as a service would receive it. */
    record Request(String plan, String device, double tenureMonths, double watchHours, double satisfaction,
                   double supportQueries) {
    }

    /** Trains, writes and loads a model file in the working directory, then scores two requests. */
    public static void main(String[] args) {
        run(Path.of("example-model.ckb"), System.out);
    }

    /** Runs the example with the model file at {@code file}; returns the two probabilities. */
    public static double[] run(Path file, PrintStream out) {
        // Offline: train (logistic regression, 3 folds) and write the model file.
        ChurnTraining.Result r = ChurnTraining.of(ChurnTraining.Options.defaults()
                        .withChoice(ChurnTraining.Choice.LOGISTIC).withFolds(3))
                .fit(SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(5000)).generate());
        ModelFiles.write(new ModelFiles.Parts(r.table(), r.pipeline(), r.model(), r.chosen().report()), null, null, file);

        // In the service: load once (validated, data only), keep one buffer per thread.
        ModelFiles.Loaded model = ModelFiles.load(file);
        ThreadLocal<RowBuffer> buffers = ThreadLocal.withInitial(() -> RowBuffer.of(model.pipeline()));
        ThreadLocal<double[]> features = ThreadLocal.withInitial(() -> new double[model.pipeline().width()]);

        Request loyal = new Request("Premium", "Smart TV", 48, 20, 9, 0);
        Request unhappy = new Request("Basic", "Mobile", 2, 3, 2, 4);
        double[] p = new double[2];
        int k = 0;
        for (Request q : new Request[] {loyal, unhappy}) {
            // Inputs the request does not carry stay missing and are imputed as in training.
            RowBuffer row = buffers.get().clear()
                    .setCategory("plan", q.plan()).setCategory("device", q.device())
                    .setNumber("tenure_months", q.tenureMonths()).setNumber("weekly_watch_hours", q.watchHours())
                    .setNumber("satisfaction", q.satisfaction()).setNumber("support_queries", q.supportQueries());
            double[] x = features.get();
            model.pipeline().transform(row, x);
            p[k++] = model.probability(x);
            out.println(String.format(Locale.ROOT, "%s -> churn probability %.3f", q, p[k - 1]));
        }
        return p;
    }
}
