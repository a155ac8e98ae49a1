package dev.parley.bench.load;

import dev.parley.bench.load.LoadBenchmark.LoadReport;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** The figures of one load run per transport, in one table: a row a figure, a column a transport. */
final class LoadComparison {

    private static final String ROW = "%-34s";
    private static final String COLUMN = " %16s";

    private LoadComparison() {}

    static void print(List<LoadReport> reports, PrintStream out) {
        out.println();
        out.println("side by side (the same clients, messages, intervals and seed, one transport after the other in"
                + " this JVM):");
        row(out, reports, "", report -> report.transport().flag());
        row(out, reports, "deliveries (measured)", report -> String.format("%,d", report.deliveries()));
        row(out, reports, "delivery p50 ms", report -> millis(report.delivery().p50()));
        row(out, reports, "delivery p90 ms", report -> millis(report.delivery().p90()));
        row(out, reports, "delivery p99 ms", report -> millis(report.delivery().p99()));
        row(out, reports, "delivery p99.9 ms", report -> millis(report.delivery().p999()));
        row(out, reports, "delivery max ms", report -> millis(report.delivery().max()));
        row(out, reports, "ack p50 ms", report -> millis(report.ack().p50()));
        row(out, reports, "ack p99 ms", report -> millis(report.ack().p99()));
        row(out, reports, "deliveries/s", report -> String.format("%,.0f", report.deliveriesPerSecond()));
        row(out, reports, "CPU of this JVM per delivery (us)", report -> String.format("%.0f",
                report.microsPerDelivery()));
        row(out, reports, "CPU of dynalite (s)", report -> report.onDynalite()
                ? String.format("%.1f", LoadReport.seconds(report.cpu().dynalite())) : "-");
        row(out, reports, "duplicates", report -> String.format("%,d", report.verification().duplicates()));
        row(out, reports, "exactly once, in order, all acked", report -> report.passed() ? "yes" : "NO");
    }

    private static String millis(double value) {
        return String.format("%.1f", value);
    }

    private static void row(PrintStream out, List<LoadReport> reports, String name, Function<LoadReport, String> cell) {
        var line = new StringBuilder(String.format(ROW, name));
        reports.forEach(report -> line.append(String.format(COLUMN, cell.apply(report))));
        out.println(line.toString().stripTrailing());
    }
}
