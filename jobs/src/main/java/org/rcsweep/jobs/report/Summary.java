package org.rcsweep.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The few plain-words sentences that sum up a whole sweep: how memory capacity grows with readout count across
 * the groups, whether it saturates, how the exponent moves with the knob and with N, and how close each theory
 * comes to the simulation. Each sentence claims no more than the fits' intervals allow.
 */
public final class Summary {
    private Summary() {
    }

    public static List<String> sentences(List<GroupFinding> groups, List<TheoryError> theory) {
        List<String> out = new ArrayList<>();
        if (!groups.isEmpty()) {
            out.add(growth(groups));
            out.add(saturation(groups));
            trend(groups, "the knob value", g -> g.model() + "|" + g.n() + "|" + g.knob(), GroupFinding::value)
                    .ifPresent(out::add);
            trend(groups, "N", g -> g.model() + "|" + g.knob() + "|" + g.value(),
                    g -> g.n() == null ? null : g.n().doubleValue()).ifPresent(out::add);
        }
        theory(theory).ifPresent(out::add);
        return out;
    }

    static String growth(List<GroupFinding> groups) {
        Map<GroupFinding.Growth, List<GroupFinding>> by = new LinkedHashMap<>();
        for (GroupFinding.Growth g : GroupFinding.Growth.values()) {
            by.put(g, new ArrayList<>());
        }
        groups.forEach(g -> by.get(g.growth()).add(g));
        List<String> parts = new ArrayList<>();
        for (GroupFinding.Growth shape : List.of(GroupFinding.Growth.SUBLINEAR, GroupFinding.Growth.LINEAR,
                GroupFinding.Growth.SUPERLINEAR)) {
            List<GroupFinding> in = by.get(shape);
            if (!in.isEmpty()) {
                DoubleSummaryStatistics a = in.stream().mapToDouble(GroupFinding::alpha).summaryStatistics();
                String range = in.size() == 1 ? "α = " + Cells.fixed(a.getMin())
                        : "α from " + Cells.fixed(a.getMin()) + " to " + Cells.fixed(a.getMax());
                parts.add(String.format(Locale.ROOT, "%s in %s (%s)", switch (shape) {
                    case SUBLINEAR -> "sublinearly";
                    case LINEAR -> "about linearly";
                    default -> "superlinearly";
                }, count(in.size(), groups.size()), range));
            }
        }
        StringBuilder s = new StringBuilder(parts.isEmpty()
                ? "The power law MC ∝ L^α tells no shape of growth with readout count L in any group"
                : "Memory capacity grows with readout count L as MC ∝ L^α: " + String.join(", ", parts));
        int unresolved = by.get(GroupFinding.Growth.UNRESOLVED).size();
        if (unresolved > 0) {
            s.append("; in ").append(count(unresolved, groups.size())).append(" the 95% interval of α is too wide to "
                    + "tell (it includes linear growth or no growth)");
        }
        int failed = by.get(GroupFinding.Growth.NOT_FITTED).size();
        if (failed > 0) {
            s.append("; in ").append(count(failed, groups.size())).append(" the power law could not be fitted");
        }
        return s.append('.').toString();
    }

    static String saturation(List<GroupFinding> groups) {
        List<GroupFinding> saturating = groups.stream().filter(GroupFinding::saturates).toList();
        long guarded = groups.stream().filter(g -> !g.saturates() && g.m() != null && g.lHalf() != null).count();
        String guard = guarded == 0 ? "" : String.format(Locale.ROOT, " (in %d of them the saturating fit put M "
                + "above N or L½ beyond the largest measured L, which is not a saturation the data show)", guarded);
        if (saturating.isEmpty()) {
            return (groups.size() == 1 ? "The group shows " : "All " + groups.size() + " groups show ")
                    + GroupFinding.NO_SATURATION + ": a saturating law MC = M·L/(L + L½) does not level off inside "
                    + "the data" + guard + ".";
        }
        DoubleSummaryStatistics ratio = saturating.stream().filter(g -> g.n() != null)
                .mapToDouble(g -> g.m() / g.n()).summaryStatistics();
        String level = ratio.getCount() == 0 ? "" : String.format(Locale.ROOT, ", with M from %s to %s of N",
                Cells.percent(ratio.getMin()), Cells.percent(ratio.getMax()));
        int rest = groups.size() - saturating.size();
        return String.format(Locale.ROOT, "A saturating law MC = M·L/(L + L½) levels off within the measured L in "
                + "%s%s%s.", count(saturating.size(), groups.size()), level,
                rest == 0 ? "" : "; the other " + rest + " show " + GroupFinding.NO_SATURATION + guard);
    }

    /**
     * How α moves from the smallest to the largest value of {@code x} in each series (groups sharing {@code series}
     * and differing in x), counting the series in which the two ends' intervals overlap; empty when no series has two
     * values of x.
     */
    static java.util.Optional<String> trend(List<GroupFinding> groups, String xWords,
                                            Function<GroupFinding, String> series, Function<GroupFinding, Double> x) {
        Map<String, List<GroupFinding>> bySeries = new LinkedHashMap<>();
        for (GroupFinding g : groups) {
            if (g.alpha() != null && x.apply(g) != null) {
                bySeries.computeIfAbsent(series.apply(g), k -> new ArrayList<>()).add(g);
            }
        }
        int lower = 0;
        int higher = 0;
        int same = 0;
        int overlapping = 0;
        int total = 0;
        List<String> ranges = new ArrayList<>();
        for (List<GroupFinding> in : bySeries.values()) {
            GroupFinding lo = in.stream().min(Comparator.comparing(x)).orElseThrow();
            GroupFinding hi = in.stream().max(Comparator.comparing(x)).orElseThrow();
            if (Objects.equals(x.apply(lo), x.apply(hi))) {
                continue;
            }
            total++;
            String range = Cells.sig(x.apply(lo)) + " to " + Cells.sig(x.apply(hi));
            if (!ranges.contains(range)) {
                ranges.add(range);
            }
            double d = hi.alpha() - lo.alpha();
            if (Math.abs(d) < 0.005) {
                same++;
            } else if (d < 0) {
                lower++;
            } else {
                higher++;
            }
            if (lo.alphaLow() != null && hi.alphaLow() != null && lo.alphaLow() <= hi.alphaHigh()
                    && hi.alphaLow() <= lo.alphaHigh()) {
                overlapping++;
            }
        }
        if (total == 0) {
            return java.util.Optional.empty();
        }
        List<String> moves = new ArrayList<>();
        if (lower > 0) {
            moves.add("lowers α in " + count(lower, total, "series"));
        }
        if (higher > 0) {
            moves.add("raises α in " + count(higher, total, "series"));
        }
        if (same > 0) {
            moves.add("leaves it unchanged in " + count(same, total, "series"));
        }
        String what = ranges.size() == 1 ? xWords + " from " + ranges.get(0) : xWords + " from its smallest to its "
                + "largest value";
        String overlap = overlapping == 0 ? "" : overlapping == total
                ? "; the 95% intervals at the two ends overlap in every case, so the change is not resolved"
                : String.format(Locale.ROOT, "; the 95%% intervals at the two ends overlap in %d of them", overlapping);
        return java.util.Optional.of(String.format(Locale.ROOT, "Raising %s (all else fixed, %d %s) %s%s.", what,
                total, "series", String.join(" and ", moves), overlap));
    }

    static java.util.Optional<String> theory(List<TheoryError> errors) {
        List<String> parts = new ArrayList<>();
        String best = null;
        double bestMean = Double.POSITIVE_INFINITY;
        for (String[] t : TheoryError.THEORIES) {
            DoubleSummaryStatistics s = errors.stream().map(e -> e.of(t[0])).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).summaryStatistics();
            if (s.getCount() == 0) {
                continue;
            }
            parts.add(String.format(Locale.ROOT, parts.isEmpty() ? "the %s is off by %s" : "the %s by %s", t[2],
                    Cells.percent(s.getAverage())));
            if (s.getAverage() < bestMean) {
                bestMean = s.getAverage();
                best = t[2];
            }
        }
        if (parts.isEmpty()) {
            return java.util.Optional.empty();
        }
        String listed = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and " + parts.get(parts.size() - 1);
        return java.util.Optional.of("Against the simulated memory capacity, " + listed
                + " (relative error, mean over L and then over groups)" + (parts.size() > 1 ? "; the " + best
                + " comes closest." : "."));
    }

    /** {@code all 6 groups}, {@code the group}, or {@code 2 of 6 groups}. */
    static String count(int k, int of) {
        return count(k, of, "groups");
    }

    static String count(int k, int of, String nouns) {
        if (k == of) {
            return of == 1 ? "the one " + (nouns.equals("groups") ? "group" : nouns) : of == 2 ? "both " + nouns
                    : "all " + of + " " + nouns;
        }
        return k + " of " + of + " " + nouns;
    }
}
