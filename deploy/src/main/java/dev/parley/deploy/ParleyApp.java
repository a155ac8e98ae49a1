package dev.parley.deploy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/**
 * The CDK app that {@code cdk synth} and {@code cdk deploy} run (see {@code cdk.json}): the Parley stack, configured
 * from the context and checked by cdk-nag's AwsSolutions rules, whose unsuppressed errors fail the synth.
 */
public final class ParleyApp {

    static final String STACK_NAME = "Parley";

    private ParleyApp() {}

    public static void main(String[] args) {
        App app = new App();
        DeploySettings settings;
        try {
            settings = DeploySettings.fromContext(app.getNode()::tryGetContext, Path.of(""));
        } catch (IllegalArgumentException invalid) {
            System.err.println("Parley: " + invalid.getMessage());
            System.exit(2);
            return;
        }
        stack(app, settings);
        app.synth();
    }

    /** The stack in {@code app}, with the AwsSolutions checks attached to the whole app. */
    static ParleyStack stack(App app, DeploySettings settings) {
        ParleyStack stack = new ParleyStack(app, STACK_NAME, settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }
}
