package dev.parley.bench.coldstart.probe.crac;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The global context. Like CRaC's own, it holds what is registered only weakly, and {@code org.crac}'s proxy in turn
 * holds the application's hook weakly: a hook the application keeps no reference to is skipped without a word once
 * collected. The probe collects garbage before the checkpoint, so such a hook shows as a priming of a few
 * milliseconds and an unprimed first invocation.
 */
public final class Context {

    private final List<WeakReference<Resource>> resources = new ArrayList<>();

    Context() {}

    public synchronized void register(Resource resource) {
        resources.add(new WeakReference<>(Objects.requireNonNull(resource, "resource")));
    }

    /** CRaC's order: {@code beforeCheckpoint} last registered first, {@code afterRestore} first registered first. */
    synchronized void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> alive = resources.stream().map(WeakReference::get).filter(Objects::nonNull).toList();
        if (alive.isEmpty()) {
            throw new CheckpointException("no hook is registered (or it was collected: keep a strong reference)", null);
        }
        for (int index = alive.size() - 1; index >= 0; index--) {
            try {
                alive.get(index).beforeCheckpoint(this);
            } catch (Exception failure) {
                throw new CheckpointException("a hook failed before the snapshot: " + failure, failure);
            }
        }
        for (Resource resource : alive) {
            try {
                resource.afterRestore(this);
            } catch (Exception failure) {
                throw new RestoreException("a hook failed after the restore: " + failure, failure);
            }
        }
    }
}
