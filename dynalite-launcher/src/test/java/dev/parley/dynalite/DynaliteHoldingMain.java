package dev.parley.dynalite;

/**
 * A JVM that starts dynalite, prints its pid and waits to be killed: lets a test check that the shutdown hook
 * stops dynalite when the JVM is terminated without calling {@link Dynalite#close()}.
 */
final class DynaliteHoldingMain {

    private DynaliteHoldingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Dynalite dynalite = Dynalite.start(DynaliteOptions.inMemory());
        System.out.println(dynalite.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
