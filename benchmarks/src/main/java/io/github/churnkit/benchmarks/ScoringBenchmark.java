package io.github.churnkit.benchmarks;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.Calibration;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import io.github.churnkit.models.churn.ReferenceModels;
import io.github.churnkit.models.export.BundleExporter;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.BoundScorer;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.CustomerScore;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.RecordBinder;
import io.github.churnkit.scoring.churn.LinearPredictor;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import io.github.churnkit.scoring.clv.ClvSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.classification.Label;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;

/**
 * Scoring throughput: churnkit's runtime forms and {@code CustomerScorer} against the raw library
 * calls on the same models, in one run.
 *
 * <ul>
 *   <li>{@code boosted*}: Smile {@code GradientTreeBoost}, 100 trees of depth 6, against its
 *       flattened {@link TreeEnsemble} (identical probabilities), from the same feature vector;
 *       per call, and per row when 1,024 rows are scored in one call.</li>
 *   <li>{@code logistic*}: Tribuo logistic regression {@code predict(Example)} including building
 *       the example from the feature vector, against churnkit's {@link LinearPredictor}; and the
 *       end-to-end figure from a bound record (raw values, feature pipeline, model, calibration).</li>
 *   <li>{@code scorer*}: a full {@link CustomerScore} (probability, band, segment, CLV; without
 *       reasons, and with the three largest reasons) against the probability alone, from a bound
 *       record, with a bundle exported from a boosted
 *       model of the same shape (100 trees, depth 6; trained by the trainer, so its trees differ
 *       from the Smile reference's).</li>
 * </ul>
 * Data: {@code rows} synthetic customers with 15 raw inputs (13 numeric, 2 categorical with 3
 * levels), churn from a logistic model with interactions; the pipeline turns them into 19
 * features. 1,024 customers are drawn once in {@code @Setup}; each call scores the next one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -prof gc -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoringBenchmark {

    private static final int NUMERIC = 13;
    private static final int BATCH = 1024;
    private static final List<String> LEVELS = List.of("a", "b", "c");

    /** Training rows. */
    @Param({"20000"})
    public int rows;

    private double[][] x;
    private double[] flat;
    private double[] out;
    private Tuple[] tuples;
    private double[] posterior;
    private GradientTreeBoost smile;
    private TreeEnsemble trees;
    private ReferenceModels.Logistic tribuo;
    private LinearPredictor linear;
    private Customer[] customers;
    private List<Customer> customerList;
    private BoundScorer<Customer> boostedScorer;
    private BoundScorer<Customer> logisticScorer;
    private int next;

    /** A caller's own record: what a service would hold per request. */
    public static final class Customer {
        final double[] numbers;
        final String[] categories;

        Customer(double[] numbers, String[] categories) {
            this.numbers = numbers;
            this.categories = categories;
        }
    }

    /** Draws the data, trains the four models, exports two bundles, binds the record type. */
    @Setup
    public void setup() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        CustomerTable train = table(rows, 1L);
        CustomerTable sample = table(BATCH, 2L);
        FittedPipeline pipeline = FeaturePipeline.defaults(train.schema()).fit(train);
        double[][] tx = pipeline.transform(train);
        int[] y = train.targetLabels();
        x = pipeline.transform(sample);
        int width = pipeline.width();
        flat = new double[BATCH * width];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(x[i], 0, flat, i * width, width);
        }
        out = new double[BATCH];
        posterior = new double[2];

        BoostedChurnTrainer.Config deep = BoostedChurnTrainer.Config.defaults().withMaxTrees(100).withMaxDepth(6)
                .withMaxLeaves(64).withMinLeafSize(5).withEarlyStopping(false).withCalibration(Calibration.NONE);
        ReferenceModels.Boosted boosted = ReferenceModels.boosted(tx, y, deep, 100);
        smile = boosted.smile();
        trees = boosted.runtime();
        DataFrame frame = boosted.frame(x);
        tuples = new Tuple[BATCH];
        for (int i = 0; i < BATCH; i++) {
            tuples[i] = frame.get(i);
        }
        tribuo = ReferenceModels.logistic(tx, y, LogisticChurnTrainer.Config.defaults());
        linear = tribuo.runtime();

        SegmentModel segments = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(4).withRestarts(1)
                .withColumns(List.of("n0", "n1", "c0"))).fit(train);
        ClvInputs clv = ClvInputs.fromChurnProbability("n0");
        ChurnModel boostedModel = BoostedChurnTrainer.of(deep.withCalibration(Calibration.PLATT)).fit(pipeline, tx, y);
        ChurnModel logisticModel = LogisticChurnTrainer.withDefaults().fit(pipeline, tx, y);
        boostedScorer = bind(CustomerScorer.of(BundleExporter.builder(pipeline, boostedModel, train)
                .segments(segments).clv(clv, ClvSettings.defaults()).build()));
        logisticScorer = bind(CustomerScorer.of(BundleExporter.builder(pipeline, logisticModel, train).build()));

        customers = new Customer[BATCH];
        for (int i = 0; i < BATCH; i++) {
            double[] v = new double[NUMERIC];
            for (int j = 0; j < NUMERIC; j++) {
                v[j] = sample.numeric("n" + j).get(i);
            }
            customers[i] = new Customer(v, new String[] {sample.categorical("c0").get(i), sample.categorical("c1").get(i)});
        }
        customerList = List.of(customers);
    }

    private static BoundScorer<Customer> bind(CustomerScorer scorer) {
        RecordBinder<Customer> b = scorer.binder();
        for (int j = 0; j < NUMERIC; j++) {
            int col = j;
            b.number("n" + j, c -> c.numbers[col]);
        }
        b.category("c0", c -> c.categories[0]).category("c1", c -> c.categories[1]);
        return b.bind();
    }

    /** {@code n} customers: n0 revenue-like in [20, 120], n1..n12 standard normal, churn from a logistic model. */
    static CustomerTable table(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] num = new double[NUMERIC][n];
        String[][] cat = new String[2][n];
        double[] churn = new double[n];
        for (int i = 0; i < n; i++) {
            num[0][i] = 20 + 100 * r.nextDouble();
            for (int j = 1; j < NUMERIC; j++) {
                num[j][i] = gaussian(r);
            }
            cat[0][i] = LEVELS.get(r.nextInt(3));
            cat[1][i] = LEVELS.get(r.nextInt(3));
            double z = -1 + 0.01 * (num[0][i] - 70) + 0.8 * num[1][i] - 0.6 * num[2][i] + 0.5 * num[3][i] * num[4][i]
                    + (cat[0][i].equals("a") ? 0.7 : 0) + 0.4 * Math.sin(2 * num[5][i]);
            churn[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        List<Column> cols = new ArrayList<>();
        Schema.Builder s = Schema.builder();
        for (int j = 0; j < NUMERIC; j++) {
            cols.add(NumericColumn.of("n" + j, num[j]));
            s.add("n" + j, ColumnRole.FEATURE, ColumnType.NUMERIC);
        }
        for (int j = 0; j < 2; j++) {
            cols.add(CategoricalColumn.of("c" + j, cat[j]));
            s.add("c" + j, ColumnRole.FEATURE, ColumnType.CATEGORICAL);
        }
        cols.add(NumericColumn.ofBoolean("churn", churn));
        s.add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN);
        return CustomerTable.of(cols).withSchema(s.build());
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private int nextRow() {
        int i = next;
        next = (i + 1) & (BATCH - 1);
        return i;
    }

    /** churnkit's flattened ensemble, one row per call. */
    @Benchmark
    public double boostedChurnkit() {
        return trees.probability(x[nextRow()]);
    }

    /** Smile's {@code predict(Tuple, double[])}, one row per call. */
    @Benchmark
    public double boostedSmile() {
        smile.predict(tuples[nextRow()], posterior);
        return posterior[1];
    }

    /** churnkit, 1,024 rows per call with rows interleaved through each tree; score is per row. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] boostedChurnkitBatch() {
        trees.batchProbability(flat, BATCH, out);
        return out;
    }

    /** Smile, 1,024 rows per call (a loop over {@code predict}); score is per row. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] boostedSmileBatch() {
        for (int i = 0; i < BATCH; i++) {
            smile.predict(tuples[i], posterior);
            out[i] = posterior[1];
        }
        return out;
    }

    /** churnkit's linear predictor from the feature vector. */
    @Benchmark
    public double logisticChurnkit() {
        return linear.probability(x[nextRow()]);
    }

    /** Tribuo {@code predict(Example)}, building the example from the same feature vector. */
    @Benchmark
    public double logisticTribuo() {
        Label label = tribuo.tribuo().predict(tribuo.example(x[nextRow()])).getOutput();
        return label.getScore();
    }

    /** End to end from the caller's record: bind, pipeline, linear model, calibration. */
    @Benchmark
    public double logisticScorerProbability() {
        return logisticScorer.probability(customers[nextRow()]);
    }

    /** End to end from the caller's record, boosted bundle: probability alone. */
    @Benchmark
    public double scorerProbability() {
        return boostedScorer.probability(customers[nextRow()]);
    }

    /** End to end from the caller's record, boosted bundle: the full score without reasons. */
    @Benchmark
    public CustomerScore scorerFullScore() {
        return boostedScorer.score(customers[nextRow()]);
    }

    /** End to end from the caller's record, boosted bundle: the full score with its three largest reasons (TreeSHAP). */
    @Benchmark
    public CustomerScore scorerFullScoreWithReasons() {
        return boostedScorer.score(customers[nextRow()], 3);
    }

    /** End to end, 1,024 records per call into caller-owned arrays; score is per record. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] scorerBatchProbabilities() {
        boostedScorer.probabilities(customerList, out);
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScoringBenchmark[rows=%d]", rows);
    }
}
