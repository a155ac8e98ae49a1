package dev.parley.bench.room;

import dev.parley.local.gateway.VirtualConnections;
import java.util.List;

/**
 * The copies of one message the {@code @connections} endpoint counted: per recipient, and to anyone else.
 *
 * @param recipients the connections that should get one copy each
 * @param exactlyOne those of them that got exactly one
 * @param missed     those that got none
 * @param duplicated those that got more than one
 * @param strays     the copies to anyone else (the sender, connections outside the room)
 */
record Copies(int recipients, int exactlyOne, int missed, int duplicated, long strays) {

    static Copies count(VirtualConnections endpoint, List<String> recipients, List<String> others) {
        int exactlyOne = 0;
        int missed = 0;
        int duplicated = 0;
        for (String recipient : recipients) {
            int copies = endpoint.copiesTo(recipient);
            if (copies == 1) {
                exactlyOne++;
            } else if (copies == 0) {
                missed++;
            } else {
                duplicated++;
            }
        }
        long strays = others.stream().mapToLong(endpoint::copiesTo).sum();
        return new Copies(recipients.size(), exactlyOne, missed, duplicated, strays);
    }

    boolean exactlyOneEach() {
        return exactlyOne == recipients;
    }
}
