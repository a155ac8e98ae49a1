package dev.parley.pages;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** The chat and broadcast pages as a Jetty handler: the ones bundled in this module, or those of a folder. */
public final class BundledPages {

    /** The classpath folder the pages are bundled in. */
    static final String CLASSPATH_FOLDER = "web/";

    private BundledPages() {}

    /**
     * Serves the files of {@code folder}, or the bundled pages without one, {@code index.html} at {@code /}, never a
     * directory listing.
     */
    public static Handler handler(Server server, Optional<Path> folder) {
        ResourceFactory resources = ResourceFactory.of(server);
        Resource base = folder.map(resources::newResource)
                .orElseGet(() -> resources.newClassLoaderResource(CLASSPATH_FOLDER));
        if (base == null) {
            throw new IllegalStateException("the bundled pages (classpath " + CLASSPATH_FOLDER + ") are missing");
        }
        var handler = new ResourceHandler();
        handler.setBaseResource(base);
        handler.setDirAllowed(false);
        handler.setWelcomeFiles("index.html");
        return handler;
    }
}
