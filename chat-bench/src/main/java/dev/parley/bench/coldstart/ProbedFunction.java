package dev.parley.bench.coldstart;

import java.util.List;

/**
 * A handler the cold-start benchmark starts, and what its answer must hold to count.
 *
 * @param name          how the results call it
 * @param handlerClass  the class Lambda would be configured with
 * @param status        the status code it must answer
 * @param bodyContains  text its answer's body must contain
 */
record ProbedFunction(String name, String handlerClass, int status, List<String> bodyContains) {

    ProbedFunction(String name, String handlerClass, int status, String... bodyContains) {
        this(name, handlerClass, status, List.of(bodyContains));
    }
}
