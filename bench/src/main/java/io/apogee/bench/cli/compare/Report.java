package io.apogee.bench.cli.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Renders the measurements as markdown: a summary with the median of each system and the median of
 * the per-round ratios candidate / baseline (rounds alternate the systems, so each round's ratio
 * compares runs made close together in time), then every run.
 */
final class Report {
    private final List<Measurement> measurements;
    private final List<Workload> workloads;
    private final List<String> systems;

    /** @param systems system names in run order; the first is the baseline of the ratios */
    Report(List<Measurement> measurements, List<Workload> workloads, List<String> systems) {
        this.measurements = List.copyOf(measurements);
        this.workloads = List.copyOf(workloads);
        this.systems = List.copyOf(systems);
    }

    String summary() {
        StringBuilder md = new StringBuilder();
        boolean ratios = systems.size() == 2;
        md.append("| workload | metric |");
        systems.forEach(s -> md.append(' ').append(s).append(" |"));
        if (ratios) {
            md.append(' ').append(systems.get(1)).append(" / ").append(systems.get(0))
                    .append(" | goal | per round |");
        }
        md.append('\n').append("|---|---|").append("---:|".repeat(systems.size()));
        if (ratios) {
            md.append("---:|---|---|");
        }
        md.append('\n');
        for (Workload w : workloads) {
            for (Metric metric : Metric.values()) {
                md.append("| ").append(w.id()).append(" | ").append(metric.label()).append(" |");
                for (String system : systems) {
                    md.append(' ').append(format(median(values(w, system, metric)))).append(" |");
                }
                if (ratios) {
                    List<Double> perRound = roundRatios(w, metric);
                    StringJoiner rounds = new StringJoiner(" ");
                    perRound.forEach(r -> rounds.add(format(r)));
                    md.append(' ').append(format(median(perRound))).append(" | ").append(metric.goal())
                            .append(" | ").append(rounds).append(" |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    String details() {
        StringBuilder md = new StringBuilder("| workload | round | system | msgs | msgs/s | p50 ms | p99 ms | p999 ms "
                + "| max ms | server CPU s | µs/msg | peak RSS MiB | anon RSS MiB | error |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Measurement m : measurements) {
            md.append("| ").append(m.workload().id()).append(" | ").append(m.round()).append(" | ").append(m.system());
            if (m.succeeded()) {
                var latency = m.result().latency();
                md.append(" | ").append(m.result().messages())
                        .append(" | ").append(format(m.result().tps()))
                        .append(" | ").append(format(latency.p50() / 1000.0))
                        .append(" | ").append(format(latency.p99() / 1000.0))
                        .append(" | ").append(format(latency.p999() / 1000.0))
                        .append(" | ").append(format(latency.max() / 1000.0))
                        .append(" | ").append(format(m.usage() == null ? Double.NaN : m.usage().cpuSeconds()))
                        .append(" | ").append(format(Metric.CPU_PER_MESSAGE.of(m)))
                        .append(" | ").append(format(Metric.PEAK_RSS.of(m)))
                        .append(" | ").append(format(Metric.ANON_RSS.of(m)))
                        .append(" |  |\n");
            } else {
                md.append(" |  |  |  |  |  |  |  |  |  |  | ").append(m.error().replace('|', '/').replace('\n', ' '))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private List<Double> values(Workload w, String system, Metric metric) {
        List<Double> values = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.workload() == w && m.system().equals(system) && m.succeeded()) {
                values.add(metric.of(m));
            }
        }
        return values;
    }

    private List<Double> roundRatios(Workload w, Metric metric) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement base : measurements) {
            if (base.workload() != w || !base.system().equals(systems.get(0)) || !base.succeeded()) {
                continue;
            }
            for (Measurement other : measurements) {
                if (other.workload() == w && other.round() == base.round() && other.system().equals(systems.get(1))
                        && other.succeeded()) {
                    ratios.add(metric.of(other) / metric.of(base));
                }
            }
        }
        return ratios;
    }

    /** The median of the finite values, NaN when there are none. */
    static double median(List<Double> values) {
        List<Double> finite = new ArrayList<>(values.stream().filter(Double::isFinite).toList());
        if (finite.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(finite);
        int n = finite.size();
        return n % 2 == 1 ? finite.get(n / 2) : (finite.get(n / 2 - 1) + finite.get(n / 2)) / 2;
    }

    /** Three significant figures or so, and "n/a" for a missing value. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
