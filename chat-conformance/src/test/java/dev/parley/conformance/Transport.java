package dev.parley.conformance;

import java.net.URI;

/** A running Parley, whatever carries its frames: where its chat socket and its REST broadcast are. */
interface Transport extends AutoCloseable {

    /** The chat socket's address for an anonymous client asking for {@code name}. */
    URI chat(String name);

    /** The REST broadcast's address. */
    URI broadcast();

    @Override
    void close();
}
