package dev.parley.chat.domain.model;

/**
 * How a queued broadcast's audience was cut, fixed once by the worker that read it: {@code recipients} connections in
 * {@code pages} pages. From then on it is the {@code attempted} of the broadcast's progress.
 */
public record AudiencePlan(int recipients, int pages) {

    public AudiencePlan {
        if (recipients < 0 || pages < 0 || pages > recipients || (recipients > 0 && pages == 0)) {
            throw new IllegalArgumentException(
                    "an audience has at least one page for its recipients, and no page without one: "
                            + recipients + " recipients in " + pages + " pages");
        }
    }
}
