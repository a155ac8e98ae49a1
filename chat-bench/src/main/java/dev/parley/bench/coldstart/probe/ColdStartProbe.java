package dev.parley.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.parley.bench.coldstart.probe.crac.Core;

/**
 * The program each fresh JVM of the cold-start benchmark runs: what the Lambda runtime does on a cold start, timed.
 * It loads the handler class by name and calls its public no-arg constructor (Lambda's init phase), then hands it its
 * function's first event ({@link FirstEvent}; a {@code sendMessage} for the probes' own handlers), and prints one line:
 * {@code PROBE jvm_ns=.. init_ns=.. prime_ns=.. invoke_ns=.. status=.. body=..}.
 *
 * <p>Arguments: the handler class; the sender's connection id; {@code prime} to take a "snapshot" after the init, which
 * runs the SnapStart hook Parley registered with {@code org.crac} (the JVM must then be started with
 * {@code -Dorg.crac.Core.Compat=dev.parley.bench.coldstart.probe.crac}), or {@code cold}; and the {@code System.nanoTime()} at which the parent
 * started this process (Linux's monotonic clock is the same in every process, so the JVM's own start is timed too).
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long mainEntered = System.nanoTime();
        if (args.length != 4 || !(args[2].equals("prime") || args[2].equals("cold"))) {
            System.err.println("usage: ColdStartProbe HANDLER_CLASS SENDER_CONNECTION_ID prime|cold SPAWN_NANOS");
            System.exit(2);
        }
        long spawned = Long.parseLong(args[3]);

        // As the Lambda runtime does it: the handler named in the function's configuration, by reflection, once.
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<Object, Object>) Class.forName(args[0]).getConstructor().newInstance();
        long initialised = System.nanoTime();
        long primeStarted = initialised;
        long primed = initialised;
        // Only Parley's functions register a hook (the probes' own handlers would not even load Parley's classes).
        if (args[2].equals("prime") && FirstEvent.registersSnapStartHook(args[0])) {
            // Not timed: CRaC holds hooks weakly, so a hook nobody keeps is collected now and then skipped.
            System.gc();
            primeStarted = System.nanoTime();
            Core.checkpointRestore();
            primed = System.nanoTime();
        }

        // The runtime hands over an event it has already read: building this one is not the handler's time.
        Object event = FirstEvent.forHandler(args[0], args[1]);
        long received = System.nanoTime();
        ProbeAnswer answer = ProbeAnswer.of(handler.handleRequest(event, new ProbeContext()));
        long invoked = System.nanoTime();

        System.out.println("PROBE jvm_ns=" + (mainEntered - spawned) + " init_ns=" + (initialised - mainEntered)
                + " prime_ns=" + (primed - primeStarted) + " invoke_ns=" + (invoked - received)
                + " status=" + answer.status()
                + " body=" + answer.body());
        System.out.flush();
        // exit rather than halt: a class-data sharing archive is written on the way out of a training run.
        System.exit(0);
    }
}
