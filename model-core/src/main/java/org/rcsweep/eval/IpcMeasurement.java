package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.capacity.NestedReadoutCapacity;
import org.rcsweep.capacity.ReadoutCapacity;
import org.rcsweep.input.InputSignal;
import org.rcsweep.ipc.ChiSquare;
import org.rcsweep.ipc.IpcResult;
import org.rcsweep.ipc.IpcTarget;
import org.rcsweep.ipc.OrthonormalPolynomials;
import org.rcsweep.ipc.TargetFamily;
import org.rcsweep.model.Reservoir;
import org.rcsweep.random.Rng;
import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.IpcThreshold;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.stats.CrossMoments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Information processing capacity (Dambre et al. 2012) of one point for every nested readout count.
 *
 * <p>Targets are products of orthonormal polynomials of delayed inputs, grouped in families (degree and partition
 * of the degree into powers). The iteration extends every family's largest delay by {@code ipc.window} delays per
 * round and stops a family as soon as a round keeps none of its targets at the largest L (Dambre's early stopping);
 * it never goes beyond the per-degree delay bound or evaluates more than {@code ipc.max_targets} targets. Targets are
 * processed in blocks, one simulation pass per block (the reservoir is rebuilt from its seed, so every pass sees the
 * same states), each accumulating XᵀZ so memory stays bounded. A target's capacity for every L comes from one
 * Cholesky factor of the centred Gram matrix over all T samples (in-sample, as in Dambre), and only capacities above
 * the threshold are kept.
 *
 * <p>The rounds can be spread over several tasks ({@code ipc.tasks}): each task measures a shard of them
 * ({@link #measureShard}) and {@link #merge} replays the single-task iteration over what they measured, so the
 * result does not depend on the split.
 */
public final class IpcMeasurement {
    private IpcMeasurement() {
    }

    public static IpcResult evaluate(PointSpec spec, Supplier<? extends Reservoir> reservoirs) {
        // One shard holds every round, so it measures exactly what the replay visits: never incomplete.
        return merge(spec, List.of(measureShard(spec, reservoirs, 0, 1))).orElseThrow(
                () -> new IllegalStateException("a single shard cannot be incomplete"));
    }

    /**
     * Measures this shard's rounds of the early-stopping iteration (round k holds the spans k·window …
     * (k + 1)·window − 1 of every family still open) that {@link RoundOwners} deals to this shard: every family's
     * leading rounds up to {@value RoundOwners#SHARED_TARGETS} targets, and a share of the later ones. A family
     * stops at the first of these rounds that keeps none of its targets at the largest L; no round starts once
     * {@code ipc.max_targets} targets are measured here. With one shard this is the whole iteration of Dambre et al.
     * Since a shard's rounds of a family are a subset of all its rounds, it never stops a family before the single
     * task does: it measures every round the single task measures that is dealt to it.
     *
     * <p>Why leading rounds are measured by every shard: most families stop after a round or two, while their later
     * rounds hold thousands of targets, among which a spurious pass of the threshold is likely. A shard that did not
     * see the stopping round would follow such a family through rounds the single task never measures.
     */
    public static IpcShard measureShard(PointSpec spec, Supplier<? extends Reservoir> reservoirs, int shard,
                                       int shards) {
        return measureShard(spec, reservoirs, shard, shards, RoundOwners.SHARED_TARGETS);
    }

    /** As {@link #measureShard(PointSpec, Supplier, int, int)} with another bound on shared leading rounds. */
    static IpcShard measureShard(PointSpec spec, Supplier<? extends Reservoir> reservoirs, int shard, int shards,
                                 int sharedTargets) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + " of " + shards + ": need 0 ≤ shard < shards");
        }
        long begin = System.nanoTime();
        IpcSpec ipc = spec.ipc();
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        List<Integer> maxDelays = ipc.resolvedMaxDelays(spec.n());
        List<TargetFamily> families = families(spec);
        int window = ipc.window();
        RoundOwners owners = RoundOwners.deal(families, maxDelays, window, sharedTargets, shards);
        List<double[]> thresholds = thresholds(spec, reservoirs, families, maxDelays, readouts);
        List<BitSet> rounds = new ArrayList<>();
        families.forEach(f -> rounds.add(new BitSet()));
        Map<IpcTarget, double[]> kept = new HashMap<>();
        List<TargetFamily> active = new ArrayList<>(families);
        int measuredCount = 0;
        boolean bounded = false;
        int top = readouts.length - 1;
        // Capacities of targets already measured, NaN where the readout set is ill-conditioned. A round with fewer
        // targets than one pass can hold also measures this shard's next rounds' targets of the open families, as
        // if they all stayed productive: late rounds (one family, a few delays each) would otherwise cost a
        // simulation pass each. A target's capacity does not depend on the block it was measured in, so the
        // results are those of measuring round by round; targets of families that close meanwhile are never used.
        Map<IpcTarget, double[]> measured = new HashMap<>();
        int perPass = ipc.blockTargets() * ipc.threads();
        for (int k = 0; ; k++) {
            int start = roundStart(k, window);
            List<TargetFamily> stillOpen = open(active, start, maxDelays);
            if (stillOpen.isEmpty()) {
                break;
            }
            List<TargetFamily> mine = owners.measuredBy(shard, stillOpen, families, k);
            if (mine.isEmpty()) {
                continue;
            }
            if (measuredCount >= ipc.maxTargets()) {
                bounded = true;
                break;
            }
            List<IpcTarget> round = roundTargets(mine, start, window, maxDelays);
            measuredCount += round.size();
            List<IpcTarget> batch = new ArrayList<>();
            for (IpcTarget t : round) {
                if (!measured.containsKey(t)) {
                    batch.add(t);
                }
            }
            for (int ahead = k + 1; !batch.isEmpty() && batch.size() < perPass; ahead++) {
                int aheadStart = roundStart(ahead, window);
                List<TargetFamily> later = open(stillOpen, aheadStart, maxDelays);
                if (later.isEmpty()) {
                    break;
                }
                batch.addAll(roundTargets(owners.measuredBy(shard, later, families, ahead), aheadStart, window,
                        maxDelays));
            }
            List<List<IpcTarget>> blocks = blocks(batch, ipc.blockTargets());
            List<ReadoutCapacity[]> blockCaps = capacitiesOfBlocks(spec, reservoirs, blocks, false);
            for (int b = 0; b < blocks.size(); b++) {
                List<IpcTarget> block = blocks.get(b);
                ReadoutCapacity[] caps = blockCaps.get(b);
                for (int j = 0; j < block.size(); j++) {
                    double[] c = new double[readouts.length];
                    for (int i = 0; i < readouts.length; i++) {
                        c[i] = caps[i].wellConditioned() ? caps[i].inSample()[j] : Double.NaN;
                    }
                    measured.put(block.get(j), c);
                }
            }
            List<TargetFamily> productive = new ArrayList<>();
            for (IpcTarget target : round) {
                double[] caps = measured.remove(target);
                double[] threshold = thresholds.get(families.indexOf(target.family()));
                boolean passes = false;
                for (int i = 0; i < readouts.length; i++) {
                    passes |= caps[i] >= threshold[i];
                }
                if (passes) {
                    kept.put(target, caps);
                }
                if (caps[top] >= threshold[top] && !productive.contains(target.family())) {
                    productive.add(target.family());
                }
            }
            for (TargetFamily f : mine) {
                rounds.get(families.indexOf(f)).set(k);
            }
            // Families not measured here in this round stay open: this shard cannot know how they fared.
            List<TargetFamily> next = new ArrayList<>();
            for (TargetFamily f : stillOpen) {
                if (!mine.contains(f) || staysOpen(f, productive, start, window)) {
                    next.add(f);
                }
            }
            active = next;
        }
        return new IpcShard(shard, shards, sharedTargets, thresholds, rounds, kept, bounded, measuredCount,
                (System.nanoTime() - begin) * 1e-9);
    }

    /** The smallest span of round k. */
    static int roundStart(int k, int window) {
        return (int) Math.min(Integer.MAX_VALUE, (long) k * window);
    }

    /**
     * The point's IPC from the shards of all its tasks: replays the single-task iteration round by round (early
     * stops, the {@code ipc.max_targets} bound, terms in the order of the rounds), reading each target's capacity
     * from the shard that measured it. The result is the same, bit for bit, whatever the number of shards — or
     * empty when a round the replay needs was not measured because a shard stopped at the target bound, in which
     * case the point must be measured by one task.
     */
    public static Optional<IpcResult> merge(PointSpec spec, List<IpcShard> shards) {
        IpcSpec ipc = spec.ipc();
        int count = shards.isEmpty() ? 0 : shards.get(0).shards();
        IpcShard[] byIndex = new IpcShard[Math.max(count, 1)];
        for (IpcShard s : shards) {
            if (s.shards() != count || byIndex[s.shard()] != null) {
                throw new IllegalArgumentException("shards of point " + spec.id() + " do not form one split: "
                        + s.shard() + " of " + s.shards() + " next to " + count);
            }
            byIndex[s.shard()] = s;
        }
        if (count == 0 || shards.size() != count) {
            throw new IllegalArgumentException("point " + spec.id() + ": " + shards.size() + " shards of " + count);
        }
        List<double[]> thresholds = byIndex[0].thresholds();
        for (IpcShard s : shards) {
            if (s.sharedTargets() != byIndex[0].sharedTargets()) {
                throw new IllegalArgumentException("point " + spec.id() + ": shards with different shared rounds");
            }
            for (int f = 0; f < thresholds.size(); f++) {
                if (!Arrays.equals(thresholds.get(f), s.thresholds().get(f))) {
                    throw new IllegalStateException("point " + spec.id() + ": shard " + s.shard()
                            + " computed other thresholds than shard 0 (not deterministic)");
                }
            }
        }
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        List<Integer> maxDelays = ipc.resolvedMaxDelays(spec.n());
        List<TargetFamily> families = families(spec);
        double[][] byDegree = new double[readouts.length][ipc.maxDegree()];
        List<IpcResult.Term> terms = new ArrayList<>();
        List<TargetFamily> active = new ArrayList<>(families);
        List<String> notes = new ArrayList<>();
        int evaluated = 0;
        int top = readouts.length - 1;
        int window = ipc.window();
        RoundOwners owners = RoundOwners.deal(families, maxDelays, window, byIndex[0].sharedTargets(), count);
        for (int k = 0; ; k++) {
            int start = roundStart(k, window);
            List<TargetFamily> stillOpen = open(active, start, maxDelays);
            if (stillOpen.isEmpty()) {
                break;
            }
            List<IpcTarget> round = roundTargets(stillOpen, start, window, maxDelays);
            if (evaluated + round.size() > ipc.maxTargets()) {
                round = new ArrayList<>(round.subList(0, ipc.maxTargets() - evaluated));
                notes.add("stopped at the bound of " + ipc.maxTargets() + " targets (delay window from " + start + ")");
            }
            for (IpcTarget target : round) {
                int f = families.indexOf(target.family());
                if (!byIndex[owners.holder(f, k)].rounds().get(f).get(k)) {
                    return Optional.empty();
                }
            }
            evaluated += round.size();
            List<TargetFamily> productive = new ArrayList<>();
            for (IpcTarget target : round) {
                double[] caps = byIndex[owners.holder(families.indexOf(target.family()), k)].kept().get(target);
                if (caps == null) {
                    continue; // measured, below the threshold at every L
                }
                double[] threshold = thresholds.get(families.indexOf(target.family()));
                for (int i = 0; i < readouts.length; i++) {
                    double c = caps[i];
                    if (c >= threshold[i]) {
                        byDegree[i][target.degree() - 1] += c;
                        terms.add(new IpcResult.Term(readouts[i], target, c, threshold[i]));
                        if (i == top && !productive.contains(target.family())) {
                            productive.add(target.family());
                        }
                    }
                }
            }
            if (notes.size() > 0 && evaluated >= ipc.maxTargets()) {
                break;
            }
            active = stillActive(stillOpen, productive, start, window);
        }
        IpcResult measured = new IpcResult(readouts, byDegree, terms, evaluated, ipc.threshold().label(), "");
        notes.addAll(excessNotes(measured, spec.input().steps()));
        return Optional.of(new IpcResult(readouts, byDegree, terms, evaluated, ipc.threshold().label(),
                String.join("; ", notes)));
    }

    /**
     * Total IPC cannot exceed L in the limit T → ∞; a finite-T total above L is the in-sample excess of the kept
     * terms (each about L/T above its capacity, Beta(L/2, (T − L − 1)/2) under the null) adding up over many terms.
     * The values are left as measured; the note says why they exceed L and what would reduce it.
     */
    private static List<String> excessNotes(IpcResult measured, int steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < measured.readouts().length; i++) {
            int l = measured.readouts()[i];
            double total = measured.total(i);
            if (total > l) {
                long kept = measured.terms().stream().filter(t -> t.readouts() == l).count();
                out.add(String.format(Locale.ROOT, "IPC at L = %d is %.2f > L: the in-sample excess of %d kept terms"
                        + " (about L/T = %.2g each, %.2f in all) exceeds what they miss; a longer input (T) reduces it",
                        l, total, kept, (double) l / steps, kept * (double) l / steps));
            }
        }
        return out;
    }

    /**
     * A family stays open after a round that kept one of its targets at the largest L, or that held none of its
     * targets (its distinct delays need a larger span).
     */
    private static List<TargetFamily> stillActive(List<TargetFamily> stillOpen, List<TargetFamily> productive,
                                                  int start, int window) {
        List<TargetFamily> next = new ArrayList<>();
        for (TargetFamily f : stillOpen) {
            if (staysOpen(f, productive, start, window)) {
                next.add(f);
            }
        }
        return next;
    }

    /** The rule of {@link #stillActive} for one family measured in the round starting at {@code start}. */
    private static boolean staysOpen(TargetFamily f, List<TargetFamily> productive, int start, int window) {
        boolean hadTargets = f.powers().length - 1 <= start + window - 1;
        return productive.contains(f) || !hadTargets;
    }

    private static List<TargetFamily> families(PointSpec spec) {
        return TargetFamily.upTo(spec.ipc().maxDegree(), OrthonormalPolynomials.maxPower(spec.input().distribution()));
    }

    /** Per family (in {@link #families} order) and L: the threshold a capacity must reach to be kept. */
    private static List<double[]> thresholds(PointSpec spec, Supplier<? extends Reservoir> reservoirs,
                                             List<TargetFamily> families, List<Integer> maxDelays, int[] readouts) {
        IpcSpec ipc = spec.ipc();
        List<double[]> out = new ArrayList<>();
        if (ipc.threshold() == IpcThreshold.SHUFFLE) {
            Map<TargetFamily, double[]> byFamily = surrogateThresholds(spec, reservoirs, families, maxDelays,
                    readouts);
            families.forEach(f -> out.add(byFamily.get(f)));
        } else {
            double[] chi2 = new double[readouts.length];
            for (int i = 0; i < readouts.length; i++) {
                chi2[i] = ipc.chi2Factor() * ChiSquare.quantile(readouts[i], 1 - ipc.chi2P()) / spec.input().steps();
            }
            families.forEach(f -> out.add(chi2));
        }
        return out;
    }

    /** Per family and L: scale × the largest capacity of surrogate targets built from an independent input. */
    private static Map<TargetFamily, double[]> surrogateThresholds(PointSpec spec, Supplier<? extends Reservoir> res,
                                                                   List<TargetFamily> families,
                                                                   List<Integer> maxDelays, int[] readouts) {
        IpcSpec ipc = spec.ipc();
        Rng rng = SeedStreams.SURROGATE_CHOICE.rng(spec.seed());
        List<IpcTarget> surrogates = new ArrayList<>();
        for (TargetFamily f : families) {
            int bound = maxDelays.get(f.degree() - 1);
            for (int s = 0; s < ipc.surrogates(); s++) {
                int span = Math.max(f.powers().length - 1, rng.nextInt(bound + 1));
                List<IpcTarget> options = f.withSpan(span);
                surrogates.add(options.get(rng.nextInt(options.size())));
            }
        }
        Map<TargetFamily, double[]> out = new LinkedHashMap<>();
        List<List<IpcTarget>> blocks = blocks(surrogates, ipc.blockTargets());
        List<ReadoutCapacity[]> blockCaps = capacitiesOfBlocks(spec, res, blocks, true);
        for (int b = 0; b < blocks.size(); b++) {
            List<IpcTarget> block = blocks.get(b);
            ReadoutCapacity[] caps = blockCaps.get(b);
            for (int j = 0; j < block.size(); j++) {
                double[] t = out.computeIfAbsent(block.get(j).family(), f -> new double[readouts.length]);
                for (int i = 0; i < readouts.length; i++) {
                    t[i] = Math.max(t[i], ipc.shuffleScale() * caps[i].inSample()[j]);
                }
            }
        }
        return out;
    }

    /** The families whose delay bound is not yet passed at {@code start}. */
    private static List<TargetFamily> open(List<TargetFamily> families, int start, List<Integer> maxDelays) {
        List<TargetFamily> out = new ArrayList<>();
        for (TargetFamily f : families) {
            if (start <= maxDelays.get(f.degree() - 1)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The targets of the round starting at {@code start}: spans start … start + window − 1 within each bound. */
    private static List<IpcTarget> roundTargets(List<TargetFamily> families, int start, int window,
                                                List<Integer> maxDelays) {
        List<IpcTarget> out = new ArrayList<>();
        for (TargetFamily f : families) {
            int bound = maxDelays.get(f.degree() - 1);
            for (int span = start; span < start + window && span <= bound; span++) {
                out.addAll(f.withSpan(span));
            }
        }
        return out;
    }

    private static List<List<IpcTarget>> blocks(List<IpcTarget> targets, int size) {
        List<List<IpcTarget>> out = new ArrayList<>();
        for (int from = 0; from < targets.size(); from += size) {
            out.add(targets.subList(from, Math.min(targets.size(), from + size)));
        }
        return out;
    }

    /**
     * Capacities of several blocks, {@code ipc.threads} blocks at a time (each its own simulation pass), returned in
     * block order: the results do not depend on the number of threads.
     */
    static List<ReadoutCapacity[]> capacitiesOfBlocks(PointSpec spec, Supplier<? extends Reservoir> reservoirs,
                                                      List<List<IpcTarget>> blocks, boolean surrogate) {
        int threads = Math.min(spec.ipc().threads(), blocks.size());
        List<ReadoutCapacity[]> out = new ArrayList<>();
        if (threads <= 1) {
            for (List<IpcTarget> block : blocks) {
                out.add(capacities(spec, reservoirs, block, surrogate));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rcsweep-ipc");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ReadoutCapacity[]>> futures = new ArrayList<>();
            for (List<IpcTarget> block : blocks) {
                futures.add(pool.submit(() -> capacities(spec, reservoirs, block, surrogate)));
            }
            for (Future<ReadoutCapacity[]> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring IPC", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Capacities of a block of targets for every L, from one simulation pass. With {@code surrogate} the targets
     * are built from an independent input stream of the same law instead of the input that drives the reservoir.
     */
    public static ReadoutCapacity[] capacities(PointSpec spec, Supplier<? extends Reservoir> reservoirs,
                                               List<IpcTarget> block, boolean surrogate) {
        int history = 0;
        for (IpcTarget t : block) {
            history = Math.max(history, t.span());
        }
        int m = block.size();
        int lMax = spec.maxReadouts();
        int chunk = spec.capacity().chunkSteps();
        InputDistribution law = spec.input().distribution();
        CrossMoments moments = new CrossMoments(lMax, m);
        DMatrixRMaj z = new DMatrixRMaj(chunk, m);
        DelayedTargets surrogateInput = surrogate ? new DelayedTargets(history, chunk,
                new InputSignal(law, SeedStreams.SURROGATE_INPUT.rng(spec.seed())),
                new InputSignal(law, SeedStreams.SURROGATE_PREHISTORY.rng(spec.seed()))) : null;
        // Each distinct (power, delay) factor of the block is evaluated once per chunk, then shared by the targets
        // that contain it; products keep each target's factor order, so values are unchanged.
        PolynomialFactors factors = new PolynomialFactors(chunk);
        // Target j's factors are slots[first[j]] … slots[first[j + 1] − 1].
        int[] first = new int[m + 1];
        for (int j = 0; j < m; j++) {
            first[j + 1] = first[j] + block.get(j).family().powers().length;
        }
        int[] slots = new int[first[m]];
        for (int j = 0; j < m; j++) {
            IpcTarget t = block.get(j);
            int[] powers = t.family().powers();
            int[] delays = t.delays();
            for (int p = 0; p < powers.length; p++) {
                slots[first[j] + p] = factors.slot(powers[p], delays[p]);
            }
        }
        PointSimulation simulation = new PointSimulation(spec, history, false, reservoirs);
        simulation.run((InputSink) (x, input, offset, training) -> {
            int rows = x.numRows;
            z.reshape(rows, m, false);
            if (surrogateInput != null) {
                surrogateInput.draw(rows);
                factors.evaluate(law, surrogateInput.window(), surrogateInput.offset(), rows);
                surrogateInput.slide(rows);
            } else {
                factors.evaluate(law, input, offset, rows);
            }
            factors.products(first, slots, m, rows, z.data);
            moments.add(x, z);
        });
        int[] readouts = spec.readouts().stream().mapToInt(Integer::intValue).toArray();
        return NestedReadoutCapacity.solve(moments, null, readouts, spec.capacity().ridge(),
                spec.capacity().maxCondition(), spec.capacity().threads());
    }
}
