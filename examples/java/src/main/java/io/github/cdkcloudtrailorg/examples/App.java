package io.github.cdkcloudtrailorg.examples;

import java.util.Map;

import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** Synthesizes the example organization audit app (its two stacks) into the folder given as the first argument (default cdk.out). */
public final class App {
    /** Account and Region the example is synthesized for: the organization's management account. */
    static final Environment EXAMPLE_ENV = Environment.builder().account("111111111111").region("us-east-1").build();

    private App() {
    }

    public static void main(final String[] args) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .outdir(args.length > 0 ? args[0] : "cdk.out")
                .context(Map.of("@aws-cdk/core:validateAgainstDefaultRules", true))
                .build());
        new OrganizationAuditStack(app, "OrganizationAudit", StackProps.builder().env(EXAMPLE_ENV).build());
        new SecurityToolingStack(app, "SecurityTooling", StackProps.builder()
                .env(Environment.builder().account(OrganizationAuditStack.SECURITY_TOOLING_ACCOUNT).region(EXAMPLE_ENV.getRegion()).build())
                .build());
        CloudAssembly assembly = app.synth();
        System.out.println("Synthesized " + assembly.getStacks().size() + " stack(s) into " + assembly.getDirectory());
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            Object resources = ((Map<?, ?>) stack.getTemplate()).get("Resources");
            int count = resources instanceof Map ? ((Map<?, ?>) resources).size() : 0;
            System.out.println("  " + stack.getStackName() + ": " + count + " resources, template " + stack.getTemplateFile());
        }
    }
}
