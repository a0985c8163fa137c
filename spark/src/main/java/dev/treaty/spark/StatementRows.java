package dev.treaty.spark;

import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Statement lines written where the cluster writes: as a Parquet table, or as one text file (CSV or JSON). */
final class StatementRows {

    private StatementRows() {
    }

    /** The statement lines as rows, amounts as exact decimals (38, 12): the columns of the CSV. */
    static Dataset<Row> of(SparkSession spark, SettlementResult result) {
        var money = DataTypes.createDecimalType(38, 12);
        StructType schema = new StructType(new StructField[]{
                DataTypes.createStructField("term", DataTypes.StringType, false),
                DataTypes.createStructField("payer", DataTypes.StringType, false),
                DataTypes.createStructField("payee", DataTypes.StringType, false),
                DataTypes.createStructField("currency", DataTypes.StringType, false),
                DataTypes.createStructField("period", DataTypes.StringType, false),
                DataTypes.createStructField("from", DataTypes.DateType, false),
                DataTypes.createStructField("through", DataTypes.DateType, false),
                DataTypes.createStructField("document", DataTypes.StringType, false),
                DataTypes.createStructField("clause", DataTypes.StringType, false),
                DataTypes.createStructField("base", money, false),
                DataTypes.createStructField("lines", DataTypes.LongType, false),
                DataTypes.createStructField("rate", DataTypes.StringType, false),
                DataTypes.createStructField("gross", money, false),
                DataTypes.createStructField("recouped", money, false),
                DataTypes.createStructField("minimum_top_up", money, false),
                DataTypes.createStructField("cap_cut", money, false),
                DataTypes.createStructField("due", money, false),
                DataTypes.createStructField("due_date", DataTypes.DateType, false),
                DataTypes.createStructField("instalments", DataTypes.IntegerType, false),
                DataTypes.createStructField("cumulative_due", money, false),
                DataTypes.createStructField("cap_remaining", money, true)});
        List<Row> rows = new ArrayList<>();
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                rows.add(RowFactory.create(line.term(), line.payer(), line.payee(), line.due().currency().getCurrencyCode(), line.period(),
                        java.sql.Date.valueOf(line.from()), java.sql.Date.valueOf(line.through()), line.documentId(), line.clauseId(),
                        line.base().amount(), line.lines(), line.rate(), line.gross().amount(), line.recouped().amount(),
                        line.minimumTopUp().amount(), line.capCut().amount(), line.due().amount(), java.sql.Date.valueOf(line.dueDate()),
                        line.instalments().size(), line.cumulativeDue().amount(), line.capRemaining().map(m -> m.amount()).orElse(null)));
            }
        }
        return spark.createDataFrame(rows, schema).coalesce(1);
    }

    /** One text file at {@code path} on whatever filesystem the path names; an existing file is not overwritten. */
    static void writeText(SparkSession spark, String path, String text) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem filesystem = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream stream = filesystem.create(target, false)) {
                stream.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
