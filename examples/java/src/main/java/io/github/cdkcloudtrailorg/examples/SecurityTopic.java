package io.github.cdkcloudtrailorg.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** The security team's alarm topic (examples/security-topic.ts) in Java, for the example apps that alarm. */
final class SecurityTopic {
    private SecurityTopic() {
    }

    /**
     * An encrypted topic the security team subscribes to: CloudWatch alarms may publish to it (EventBridge is let in by
     * its target), and only AWS services may create grants on its key (AWS Control Tower CT.KMS.PR.3).
     */
    static Topic securityAlarmTopic(final Construct scope) {
        Key key = Key.Builder.create(scope, "SecurityAlarmKey")
                .enableKeyRotation(true)
                .description("Encrypts the security alarm topic")
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());
        // LinkedHashMap keeps the keys in the order written (Map.of does not)
        Map<String, Object> notForAwsResources = new LinkedHashMap<>();
        notForAwsResources.put("kms:GrantIsForAWSResource", "false");
        notForAwsResources.put("aws:PrincipalIsAWSService", "false");
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:CreateGrant"))
                .resources(List.of("*"))
                .conditions(Map.of("BoolIfExists", notForAwsResources))
                .build());
        return Topic.Builder.create(scope, "SecurityAlarmTopic").masterKey(key).enforceSsl(true).build();
    }
}
