package io.github.cdkcloudtrailorg.examples;

import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Consumer;

import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * Synthesizes the example organization audit app (its two stacks) into the folder given as the first argument (default
 * cdk.out). With the system property {@code examples.otherApps} set to a folder, it synthesizes the Log Archive and
 * Control Tower example apps into it too (examples/languages/test-languages.sh compares them).
 */
public final class App {
    /** Account and Region the example is synthesized for: the organization's management account. */
    static final Environment EXAMPLE_ENV = Environment.builder().account("111111111111").region("us-east-1").build();

    private App() {
    }

    public static void main(final String[] args) {
        synthesize(App::buildOrganizationAuditApp, args.length > 0 ? args[0] : "cdk.out");
        String otherApps = System.getProperty("examples.otherApps");
        if (otherApps != null) {
            synthesize(LogArchiveApp::build, Paths.get(otherApps, "log-archive").toString());
            synthesize(ControlTowerApp::build, Paths.get(otherApps, "control-tower").toString());
        }
    }

    /** Adds the example's stacks to an app: the management account's, and the security tooling account's. */
    static void buildOrganizationAuditApp(final software.amazon.awscdk.App app) {
        new OrganizationAuditStack(app, "OrganizationAudit", StackProps.builder().env(EXAMPLE_ENV).build());
        new SecurityToolingStack(app, "SecurityTooling", StackProps.builder()
                .env(Environment.builder().account(OrganizationAuditStack.SECURITY_TOOLING_ACCOUNT).region(EXAMPLE_ENV.getRegion()).build())
                .build());
    }

    /** Synthesizes one example app into a folder, with CloudFormation schema validation as errors; says what it made. */
    static void synthesize(final Consumer<software.amazon.awscdk.App> build, final String outdir) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .outdir(outdir)
                .context(Map.of("@aws-cdk/core:validateAgainstDefaultRules", true))
                .build());
        build.accept(app);
        CloudAssembly assembly = app.synth();
        System.out.println("Synthesized " + assembly.getStacks().size() + " stack(s) into " + assembly.getDirectory());
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            Object resources = ((Map<?, ?>) stack.getTemplate()).get("Resources");
            int count = resources instanceof Map ? ((Map<?, ?>) resources).size() : 0;
            System.out.println("  " + stack.getStackName() + ": " + count + " resources, template " + stack.getTemplateFile());
        }
    }
}
