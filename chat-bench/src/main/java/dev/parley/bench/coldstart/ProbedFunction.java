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
 */
record ProbedFunction(String name, String handlerClass, ProbeClasspath classpath, int status, List<String> bodyContains,
        List<String> reaches) {

    ProbedFunction {
        bodyContains = List.copyOf(bodyContains);
        reaches = List.copyOf(reaches);
    }
}
