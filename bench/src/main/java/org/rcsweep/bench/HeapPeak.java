package org.rcsweep.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap use of a measured stretch, two ways. The pools' peak (the sum of each heap pool's peak since the start) is an
 * upper bound that includes garbage not yet collected, so it depends on when the collector ran. The largest heap
 * found in use right after a collection is closer to the live data: it is what shows whether memory grows with T.
 */
final class HeapPeak implements NotificationListener, AutoCloseable {
    private final Set<String> heapPools = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong maxAfterCollection = new AtomicLong(-1);

    private HeapPeak() {
    }

    /** Collects, resets the pools' peaks and starts watching collections. */
    static HeapPeak start() {
        System.gc();
        HeapPeak peak = new HeapPeak();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                peak.heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(peak, null, null);
                peak.emitters.add(emitter);
            }
        }
        return peak;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        maxAfterCollection.accumulateAndGet(used, Math::max);
    }

    /** Sum of the heap pools' peaks since {@link #start()}, in MiB (garbage included). */
    double mebibytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** Largest heap in use right after a collection since {@link #start()}, in MiB; NaN if none ran. */
    double afterCollectionMebibytes() {
        long bytes = maxAfterCollection.get();
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    /** Stops watching collections (the figures stay readable). */
    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // already removed: nothing to undo
            }
        }
        emitters.clear();
    }

    static double maxHeapMebibytes() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }
}
