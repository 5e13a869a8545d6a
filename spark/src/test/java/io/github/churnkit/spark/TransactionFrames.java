package io.github.churnkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;

import io.github.churnkit.core.transactions.TransactionLog;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Turns core transaction logs into Spark DataFrames for the tests. */
final class TransactionFrames {

    private TransactionFrames() {
    }

    /** Columns customer_id (string), date (date), amount (double), in the log's transaction order. */
    static Dataset<Row> of(SparkSession spark, TransactionLog log) {
        List<Row> rows = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            rows.add(RowFactory.create(log.customerId(log.customerIndex(i)), log.epochDay(i), log.amount(i)));
        }
        StructType schema = new StructType()
                .add("customer_id", DataTypes.StringType, false)
                .add("day", DataTypes.IntegerType, false)
                .add("amount", DataTypes.DoubleType, false);
        return spark.createDataFrame(rows, schema)
                .select(col("customer_id"), date_from_unix_date(col("day")).as("date"), col("amount"));
    }
}
