package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.examples.workflow.ModelFiles;
import io.github.churnkit.models.eval.EvaluationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Metrics of a saved model on new labelled data. */
@Command(name = "evaluate",
        header = "Metrics of a saved model on new labelled data.",
        description = "Evaluate a model file on new labelled data: ROC-AUC, average precision, Brier score, log-loss, "
        + "calibration error, top-decile lift and the confusion matrix at --threshold, beside the "
        + "cross-validated figures stored in the model file.")
final class EvaluateCommand extends BaseCommand {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ckb).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labelled CSV with the model's target column.")
    Path data;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Decision threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    void run() {
        Inputs.requireFile(modelFile, "--model");
        ModelFiles.Loaded model = ModelFiles.load(modelFile);
        String target = model.schema().schema().target().orElseThrow(() ->
                new BadInputException("the model file " + modelFile + " records no target column")).name();
        CustomerTable table = Inputs.readTable(data, target, null, List.of()).table();
        int[] all = table.targetLabels();
        CustomerTable labelled = table.filter(r -> all[r] >= 0);
        if (labelled.rowCount() == 0) {
            throw new BadInputException("no labelled rows in " + data + " (target '" + target + "')");
        }
        int[] y = labelled.targetLabels();
        double[][] x = model.pipeline().transform(labelled);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = model.probability(x[i]);
        }
        EvaluationReport r = EvaluationReport.of(p, y, threshold);
        out().println(String.format(Locale.ROOT, "%d labelled rows, %d churners", r.rows(), r.churners()));
        out().println(String.format(Locale.ROOT,
                "ROC-AUC %.4f (cross-validated at training %.4f), average precision %.4f, Brier %.4f, log-loss %.4f, "
                        + "ECE %.4f, lift@10%% %.2f", r.rocAuc(), model.metrics().get("cv.rocAuc"), r.averagePrecision(),
                r.brier(), r.logLoss(), r.expectedCalibrationError(), r.topDecileLift()));
        out().println(String.format(Locale.ROOT, "at threshold %.2f: precision %.3f, recall %.3f, F1 %.3f, accuracy %.3f",
                threshold, r.confusion().precision(), r.confusion().recall(), r.confusion().f1(),
                r.confusion().accuracy()));
        writeJson(g -> {
            g.writeStringField("model", modelFile.toString());
            g.writeStringField("data", data.toString());
            CliJson.metrics(g, r);
            JsonOut.number(g, "trainingCvRocAuc", model.metrics().get("cv.rocAuc"));
            g.writeObjectFieldStart("confusion");
            JsonOut.number(g, "threshold", threshold);
            g.writeNumberField("truePositives", r.confusion().truePositives());
            g.writeNumberField("falsePositives", r.confusion().falsePositives());
            g.writeNumberField("trueNegatives", r.confusion().trueNegatives());
            g.writeNumberField("falseNegatives", r.confusion().falseNegatives());
            g.writeEndObject();
        });
    }
}
