package dev.parley.bench.coldstart;

import java.util.List;

/**
 * A handler the cold-start benchmark starts, and what its answer must hold to count.
 *
 * @param name          how the results call it
 * @param handlerClass  the class Lambda would be configured with
 * @param classpath     the jars its JVM loads
 * @param status        the status code it must answer
 * @param bodyContains  text its answer's body must contain
 * @param reaches       the virtual connections each of its runs must send exactly one copy to
 * @param sender        the connection its first event comes from
 */
record ProbedFunction(String name, String handlerClass, ProbeClasspath classpath, int status, List<String> bodyContains,
        List<String> reaches, String sender) {

    ProbedFunction {
        bodyContains = List.copyOf(bodyContains);
        reaches = List.copyOf(reaches);
    }

    /** A function whose first event comes from {@link ColdStartBenchmark#SENDER}. */
    ProbedFunction(String name, String handlerClass, ProbeClasspath classpath, int status, List<String> bodyContains,
            List<String> reaches) {
        this(name, handlerClass, classpath, status, bodyContains, reaches, ColdStartBenchmark.SENDER);
    }
}
