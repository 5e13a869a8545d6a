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
import io.github.churnkit.models.churn.CalibratorFitter;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import io.github.churnkit.models.churn.ReferenceModels;
import io.github.churnkit.models.export.BundleExporter;
import io.github.churnkit.models.segment.KMeansSegmenter;
import io.github.churnkit.models.segment.SegmentModel;
import io.github.churnkit.scoring.BoundScorer;
import io.github.churnkit.scoring.ClvInputs;
import io.github.churnkit.scoring.CustomerScorer;
import io.github.churnkit.scoring.RecordBinder;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import io.github.churnkit.scoring.churn.PlattCalibrator;
import io.github.churnkit.scoring.clv.ClvSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;

/**
 * The customers and the trained models every scoring benchmark runs on, built once per JVM for each
 * (model, training rows) pair and shared read-only.
 *
 * <p><b>Data.</b> Seeded synthetic customers with 15 raw inputs: {@code n0} revenue-like, uniform
 * in [20, 120]; {@code n1..n12} standard normal; {@code c0}, {@code c1} categories of 3 levels;
 * churn drawn from a logistic model with an interaction and a non-linear term. The default feature
 * pipeline (fitted on the training rows) makes 19 features. Training rows: seed 1; the 1,024 scoring
 * customers: seed 2; the rows the calibrator is fitted on: seed 3.
 *
 * <p><b>Models.</b> One reference model per {@link ModelKind}, trained once:
 * <ul>
 *   <li>trees: Smile {@code GradientTreeBoost} with {@code trees} iterations of depth 6 (at most 64
 *       leaves of at least 5 rows, shrinkage 0.1, subsample 0.8, seed 42) through
 *       {@link ReferenceModels#boosted}; the scoring bundle holds exactly these trees
 *       ({@link ReferenceModels.Boosted#churnModel});</li>
 *   <li>logistic: Tribuo logistic regression (L2 1.0, 10 epochs, seed 42) through
 *       {@link ReferenceModels#logistic}; the bundle's model is trained by
 *       {@link LogisticChurnTrainer} with the same settings, which gives the same weights (checked
 *       by {@code ScoringAgreementTest}).</li>
 * </ul>
 * The bundle adds what a production bundle holds: a Platt calibrator fitted on 2,000 held-out rows,
 * 4 k-means segments over {@code n0, n1, c0}, CLV from the churn probability with {@code n0} as
 * revenue, the drift baseline, and a fixed clock (so the bytes are the same in every fork).
 */
final class ChurnFixture {

    /** Scoring customers drawn once; a power of two so that a cursor wraps with a mask. */
    static final int SAMPLE = 1024;
    /** Rows the Platt calibrator is fitted on. */
    static final int CALIBRATION_ROWS = 2000;
    static final int NUMERIC = 13;
    private static final List<String> LEVELS = List.of("a", "b", "c");
    private static final Map<String, ChurnFixture> CACHE = new HashMap<>();
    /** Held so that its level stays set (the logging framework keeps loggers only weakly). */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    final ModelKind kind;
    final int rows;
    /** The scoring customers' feature vectors, {@code SAMPLE} x {@code width}. */
    final double[][] x;
    /** The same vectors, row-major in one array (the batch input). */
    final double[] flat;
    final int width;
    /** The scoring customers as the caller's records. */
    final Customer[] customers;
    final List<Customer> customerList;
    /** churnkit's runtime form of the reference model, uncalibrated. */
    final ChurnPredictor runtime;
    /** The calibrator in the bundle. */
    final PlattCalibrator calibrator;
    /** Smile's model (tree kinds only). */
    final GradientTreeBoost smile;
    /** Smile's rows, prepared once (tree kinds only). */
    final Tuple[] tuples;
    /** Tribuo's model (logistic only). */
    final ReferenceModels.Logistic tribuo;
    /** The bundle: calibrated model, segments, CLV, drift baseline. */
    final byte[] bundleBytes;
    final CustomerScorer scorer;
    final BoundScorer<Customer> bound;

    /** A caller's own record: what a service holds per request. Immutable. */
    static final class Customer {
        final double[] numbers;
        final String[] categories;

        Customer(double[] numbers, String[] categories) {
            this.numbers = numbers;
            this.categories = categories;
        }

        /** A deep copy (fresh arrays and strings), for per-thread data. */
        Customer copy() {
            String[] c = new String[categories.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = new String(categories[i].toCharArray());
            }
            return new Customer(numbers.clone(), c);
        }
    }

    /**
     * The fixture for a model and a number of training rows, built on first use (about 20 s for 1,000
     * trees on 10,000 rows on the 2-core machine of {@code docs/benchmarks.md}) and cached for the
     * life of the JVM.
     */
    static synchronized ChurnFixture of(ModelKind kind, int rows) {
        String key = kind + "/" + rows;
        ChurnFixture f = CACHE.get(key);
        if (f == null) {
            f = new ChurnFixture(kind, rows);
            CACHE.put(key, f);
        }
        return f;
    }

    private ChurnFixture(ModelKind kind, int rows) {
        this.kind = kind;
        this.rows = rows;
        TRIBUO_LOG.setLevel(Level.WARNING);
        CustomerTable train = table(rows, 1L);
        CustomerTable sample = table(SAMPLE, 2L);
        CustomerTable held = table(CALIBRATION_ROWS, 3L);
        FittedPipeline pipeline = FeaturePipeline.defaults(train.schema()).fit(train);
        double[][] tx = pipeline.transform(train);
        int[] y = train.targetLabels();
        width = pipeline.width();
        x = pipeline.transform(sample);
        flat = new double[SAMPLE * width];
        for (int i = 0; i < SAMPLE; i++) {
            System.arraycopy(x[i], 0, flat, i * width, width);
        }

        ChurnModel model;
        if (kind.isTrees()) {
            BoostedChurnTrainer.Config deep = BoostedChurnTrainer.Config.defaults().withMaxTrees(kind.trees())
                    .withMaxDepth(6).withMaxLeaves(64).withMinLeafSize(5).withEarlyStopping(false)
                    .withCalibration(Calibration.NONE);
            ReferenceModels.Boosted boosted = ReferenceModels.boosted(tx, y, deep, kind.trees());
            smile = boosted.smile();
            DataFrame frame = boosted.frame(x);
            tuples = new Tuple[SAMPLE];
            for (int i = 0; i < SAMPLE; i++) {
                tuples[i] = frame.get(i);
            }
            tribuo = null;
            runtime = boosted.runtime();
            model = boosted.churnModel(pipeline.featureNames());
        } else {
            LogisticChurnTrainer.Config config = LogisticChurnTrainer.Config.defaults().withCalibration(Calibration.NONE);
            tribuo = ReferenceModels.logistic(tx, y, config);
            smile = null;
            tuples = null;
            runtime = tribuo.runtime();
            model = LogisticChurnTrainer.of(config).fit(pipeline, tx, y);
        }
        double[][] hx = pipeline.transform(held);
        double[] hp = new double[hx.length];
        for (int i = 0; i < hx.length; i++) {
            hp[i] = runtime.probability(hx[i]);
        }
        calibrator = CalibratorFitter.platt(hp, held.targetLabels());
        model = model.withCalibrator(calibrator);

        SegmentModel segments = KMeansSegmenter.of(KMeansSegmenter.Config.defaults().withK(4).withRestarts(1)
                .withColumns(List.of("n0", "n1", "c0"))).fit(train);
        ModelBundle bundle = BundleExporter.builder(pipeline, model, train)
                .segments(segments)
                .clv(ClvInputs.fromChurnProbability("n0"), ClvSettings.defaults())
                .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        bundleBytes = bundle.toBytes();
        scorer = CustomerScorer.of(bundle);
        bound = bind(scorer);

        customers = new Customer[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            double[] v = new double[NUMERIC];
            for (int j = 0; j < NUMERIC; j++) {
                v[j] = sample.numeric("n" + j).get(i);
            }
            customers[i] = new Customer(v,
                    new String[] {sample.categorical("c0").get(i), sample.categorical("c1").get(i)});
        }
        customerList = List.of(customers);
    }

    /** Binds {@link Customer} to a scorer of this fixture's bundle. */
    static BoundScorer<Customer> bind(CustomerScorer scorer) {
        RecordBinder<Customer> b = scorer.binder();
        for (int j = 0; j < NUMERIC; j++) {
            int col = j;
            b.number("n" + j, c -> c.numbers[col]);
        }
        b.category("c0", c -> c.categories[0]).category("c1", c -> c.categories[1]);
        return b.bind();
    }

    /** A new adapter to the raw library model (its own scratch: one per benchmark thread). */
    LibraryModel library() {
        return kind.isTrees() ? new SmileModel(smile, tuples) : new TribuoModel(tribuo, x);
    }

    /**
     * The raw library call on prepared input, the baseline of the scoring benchmarks. Not
     * thread-safe: one instance per thread.
     */
    interface LibraryModel {
        /** P(churn) of scoring customer {@code row}. */
        double probability(int row);

        /** P(churn) of every scoring customer into {@code out}, in one call where the library has one. */
        void probabilities(double[] out);
    }

    /** Smile's {@code predict(Tuple, double[])} on tuples prepared once. */
    private static final class SmileModel implements LibraryModel {
        private final GradientTreeBoost model;
        private final Tuple[] tuples;
        private final double[] posterior = new double[2];

        SmileModel(GradientTreeBoost model, Tuple[] tuples) {
            this.model = model;
            this.tuples = tuples;
        }

        @Override
        public double probability(int row) {
            model.predict(tuples[row], posterior);
            return posterior[1];
        }

        @Override
        public void probabilities(double[] out) {
            // Smile 4.4.2 has no batch call for a classifier's posteriors: a loop, as a caller writes it
            for (int i = 0; i < tuples.length; i++) {
                model.predict(tuples[i], posterior);
                out[i] = posterior[1];
            }
        }
    }

    /** Tribuo's {@code predict(Example)}, building the example from the feature vector in each call. */
    private static final class TribuoModel implements LibraryModel {
        private final ReferenceModels.Logistic model;
        private final double[][] x;
        private final List<Example<Label>> batch;

        TribuoModel(ReferenceModels.Logistic model, double[][] x) {
            this.model = model;
            this.x = x;
            this.batch = new ArrayList<>(x.length);
        }

        @Override
        public double probability(int row) {
            return churn(model.tribuo().predict(model.example(x[row])));
        }

        @Override
        public void probabilities(double[] out) {
            batch.clear();
            for (double[] row : x) {
                batch.add(model.example(row));
            }
            List<Prediction<Label>> predictions = model.tribuo().predict(batch);
            for (int i = 0; i < out.length && i < predictions.size(); i++) {
                out[i] = churn(predictions.get(i));
            }
        }

        private static double churn(Prediction<Label> p) {
            return p.getOutputScores().get("1").getScore();
        }
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ChurnFixture[%s, %d training rows, %d features]", kind, rows, width);
    }
}
