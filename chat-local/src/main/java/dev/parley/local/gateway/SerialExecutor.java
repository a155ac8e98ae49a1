package dev.parley.local.gateway;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool: the events of one connection reach the
 * handlers in arrival order while different connections are handled concurrently.
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private Runnable active;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNextUnlessStopped();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    /** After a task: the pool refuses the next only when the gateway is stopping, and then none of them can run. */
    private synchronized void scheduleNextUnlessStopped() {
        try {
            scheduleNext();
        } catch (RejectedExecutionException stopping) {
            tasks.clear();
            active = null;
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            pool.execute(active);
        }
    }
}
