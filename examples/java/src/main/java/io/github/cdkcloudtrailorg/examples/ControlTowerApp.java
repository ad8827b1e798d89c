package io.github.cdkcloudtrailorg.examples;

import java.util.List;
import java.util.Map;

import io.github.cdkcloudtrailorg.IOrganizationTrail;
import io.github.cdkcloudtrailorg.OrganizationTrail;
import io.github.cdkcloudtrailorg.OrganizationTrailAttributes;
import io.github.cdkcloudtrailorg.SecurityAlarmsOptions;
import io.github.cdkcloudtrailorg.TrailProtectionPolicy;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.OnEventOptions;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The Control Tower example app (examples/control-tower.ts) in Java: alarms, a tamper rule and a protection policy on
 * the trail AWS Control Tower already runs. Same stack, construct ids and values as the TypeScript one.
 */
final class ControlTowerApp {
    /** The management account of an organization that AWS Control Tower set up, and its home Region. */
    static final Environment CONTROL_TOWER_ENV = Environment.builder().account("111111111111").region("us-east-1").build();
    /** Control Tower's organization trail, as {@code aws cloudtrail describe-trails} shows it. */
    static final String CONTROL_TOWER_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/aws-controltower-BaselineCloudTrail";
    /** The log group Control Tower's trail delivers to, in the management account. */
    static final String CONTROL_TOWER_LOG_GROUP = "aws-controltower/CloudTrailLogs";
    /** The organization's root, which the protection policy is attached to. */
    static final String CONTROL_TOWER_ROOT_ID = "r-a1b2";

    private ControlTowerApp() {
    }

    /**
     * The trail Control Tower already runs, without a second trail: the CIS security alarms on its log group, a real-time
     * rule for calls that tamper with it, and a service control policy that denies those calls to everyone but Control
     * Tower's own role.
     */
    static final class ControlTowerTrailStack extends Stack {
        ControlTowerTrailStack(final Construct scope, final String id, final StackProps props) {
            super(scope, id, props);
            IOrganizationTrail trail = OrganizationTrail.fromTrailAttributes(this, "ControlTowerTrail", OrganizationTrailAttributes.builder()
                    .trailArn(CONTROL_TOWER_TRAIL_ARN)
                    .logGroup(LogGroup.fromLogGroupName(this, "ControlTowerTrailLogs", CONTROL_TOWER_LOG_GROUP))
                    .build());
            Topic securityTopic = SecurityTopic.securityAlarmTopic(this);
            trail.addSecurityAlarms("SecurityAlarms", SecurityAlarmsOptions.builder().topic(securityTopic).build());
            OrganizationTrail.onEvent(this, "TrailTampering", OnEventOptions.builder()
                    .target(new SnsTopic(securityTopic))
                    .eventPattern(EventPattern.builder()
                            .source(List.of("aws.cloudtrail"))
                            .detail(Map.of("eventName", List.of("StopLogging", "DeleteTrail", "UpdateTrail")))
                            .build())
                    .build());
            TrailProtectionPolicy.Builder.create(this, "TrailProtection")
                    .trailArns(List.of(trail.getTrailArn()))
                    .exemptPrincipalArns(List.of("arn:aws:iam::*:role/AWSControlTowerExecution"))
                    .targetIds(List.of(CONTROL_TOWER_ROOT_ID))
                    .build();
        }
    }

    /** Adds the example's stack to an app. */
    static void build(final App app) {
        new ControlTowerTrailStack(app, "ControlTowerTrail", StackProps.builder().env(CONTROL_TOWER_ENV).build());
    }
}
