package org.queuedesk.server.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Error and coverage of each estimator over simulated tickets, per day shape and overall. */
final class Scores {

    /** One estimator's figures over a set of tickets. */
    record Score(int tickets, int known, double maeMinutes, double relativeMae, double coverage, double bias) {
    }

    static final Map<String, Function<Sample, Sample.Estimate>> ESTIMATORS = new LinkedHashMap<>();

    static {
        ESTIMATORS.put("new (median, 80% range)", Sample::fresh);
        ESTIMATORS.put("today's (between calls)", Sample::today);
        ESTIMATORS.put("position x mean / rooms", Sample::naive);
    }

    private Scores() {
    }

    /** MAE over the tickets the estimator knew; relative = sum of errors / sum of real waits there. */
    static Score score(List<Sample> samples, Function<Sample, Sample.Estimate> estimator) {
        int known = 0;
        double errors = 0;
        double waits = 0;
        int inside = 0;
        double signed = 0;
        for (Sample s : samples) {
            var e = estimator.apply(s);
            if (e == null) {
                continue;
            }
            known++;
            errors += e.error(s.realMinutes());
            signed += e.point() - s.realMinutes();
            waits += s.realMinutes();
            inside += e.holds(s.realMinutes()) ? 1 : 0;
        }
        return known == 0 ? new Score(samples.size(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Score(samples.size(), known, errors / known, errors / waits, inside / (double) known,
                        signed / known);
    }

    /** The tickets every estimator knew: the like-for-like comparison. */
    static List<Sample> common(List<Sample> samples) {
        List<Sample> all = new ArrayList<>();
        for (Sample s : samples) {
            if (s.fresh() != null && s.today() != null && s.naive() != null) {
                all.add(s);
            }
        }
        return all;
    }

    static String report(List<Sample> samples, List<String> shapes, int days) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d simulated days, %d tickets; error at issue, range nominal 80%%%n",
                days, samples.size()));
        out.append(String.format(Locale.ROOT, "%-18s %-26s %9s %8s %8s %9s %8s%n", "days", "estimator", "known", "MAE min",
                "rel MAE", "coverage", "bias"));
        List<String> groups = new ArrayList<>(shapes);
        groups.add("all");
        for (String group : groups) {
            List<Sample> in = group.equals("all") ? samples
                    : samples.stream().filter(s -> s.shape().equals(group)).toList();
            for (var e : ESTIMATORS.entrySet()) {
                Score sc = score(in, e.getValue());
                out.append(String.format(Locale.ROOT, "%-18s %-26s %4d/%-4d %8.1f %7.0f%% %8.0f%% %+8.1f%n", group,
                        e.getKey(), sc.known(), sc.tickets(), sc.maeMinutes(), 100 * sc.relativeMae(),
                        100 * sc.coverage(), sc.bias()));
            }
            List<Sample> both = common(in);
            double fresh = score(both, Sample::fresh).maeMinutes();
            double better = Math.min(score(both, Sample::today).maeMinutes(), score(both, Sample::naive).maeMinutes());
            out.append(String.format(Locale.ROOT, "%-18s like for like (%d tickets all three knew): new MAE %.1f vs better"
                    + " baseline %.1f min = %.0f%% lower%n", group, both.size(), fresh, better, 100 * (1 - fresh / better)));
        }
        return out.toString();
    }
}
